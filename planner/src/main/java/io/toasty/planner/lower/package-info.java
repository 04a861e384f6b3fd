/**
 * The lower phase: models to tables, fields to columns, defaults and generated keys filled,
 * includes and nested inserts as statements of their own.
 */
@NullMarked
package io.toasty.planner.lower;

import org.jspecify.annotations.NullMarked;
