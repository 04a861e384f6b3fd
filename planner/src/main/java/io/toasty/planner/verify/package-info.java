/**
 * The verify phase: fields belong to the model, types fit, required fields are set; an {@code
 * ArgCheck} per argument slot runs on each execution.
 */
@NullMarked
package io.toasty.planner.verify;

import org.jspecify.annotations.NullMarked;
