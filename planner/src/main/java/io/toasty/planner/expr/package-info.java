/**
 * Walks over expression trees that several phases share: children, conjuncts, argument counts.
 */
@NullMarked
package io.toasty.planner.expr;

import org.jspecify.annotations.NullMarked;
