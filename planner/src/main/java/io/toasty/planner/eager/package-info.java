/**
 * The eager phase: relations a model declares eager become includes of every query returning its
 * records.
 */
@NullMarked
package io.toasty.planner.eager;

import org.jspecify.annotations.NullMarked;
