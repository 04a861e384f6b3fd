/**
 * Evaluates expressions in memory over values: filters, arithmetic, grouping and ordering that a
 * backend cannot do itself.
 */
@NullMarked
package io.toasty.planner.eval;

import org.jspecify.annotations.NullMarked;
