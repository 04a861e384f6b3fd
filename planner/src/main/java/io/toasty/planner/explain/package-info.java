/**
 * The multi-line dump behind {@code Planner.explain}: one section per phase.
 */
@NullMarked
package io.toasty.planner.explain;

import org.jspecify.annotations.NullMarked;
