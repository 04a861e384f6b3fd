/**
 * The lowered statement graph: table-level statements with their dependencies, bindings and
 * merges, which the lower phase builds and the plan phase reads.
 */
@NullMarked
package io.toasty.planner.hir;

import org.jspecify.annotations.NullMarked;
