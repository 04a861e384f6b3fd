/**
 * Requests that wait for a connection together, answered together: while the connection gate
 * has no permit free, gets by key ({@link io.toasty.reactive.internal.batch.KeyGets}), reads by
 * one value ({@link io.toasty.reactive.internal.batch.ValueLists}) and updates by key
 * ({@link io.toasty.reactive.internal.batch.KeyUpdates}) of one plan join one batch
 * ({@link io.toasty.reactive.internal.batch.WaitingBatches}) that runs one statement for all of
 * them (docs/design/connections.md).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.batch;

import org.jspecify.annotations.NullMarked;
