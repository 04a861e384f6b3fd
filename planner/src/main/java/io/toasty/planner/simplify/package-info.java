/**
 * The simplify phase: one rule per rewrite ({@code SimplifyIsNull}, {@code SimplifyAnd}, ...),
 * applied to a fixpoint, and the cheap constant fold.
 */
@NullMarked
package io.toasty.planner.simplify;

import org.jspecify.annotations.NullMarked;
