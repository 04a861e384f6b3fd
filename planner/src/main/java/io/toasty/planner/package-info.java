/**
 * The query planner: {@link io.toasty.planner.Planner} turns a model-level statement into a
 * {@link io.toasty.planner.CompiledPlan} for one schema and one backend's capability, in the
 * phases its Javadoc lists, each in a package of its own.
 */
@NullMarked
package io.toasty.planner;

import org.jspecify.annotations.NullMarked;
