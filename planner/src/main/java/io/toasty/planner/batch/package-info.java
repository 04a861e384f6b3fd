/**
 * How a batch of statements runs on a backend without interactive transactions
 * ({@link io.toasty.planner.batch.BatchShape}), decided from their plans before anything is sent.
 */
@NullMarked
package io.toasty.planner.batch;

import org.jspecify.annotations.NullMarked;
