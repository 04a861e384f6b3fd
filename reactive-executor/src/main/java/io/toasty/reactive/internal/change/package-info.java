/**
 * Change streams ({@code Db.changes}): the driver's notices of committed changes, read by key
 * in batches through the normal query path
 * ({@link io.toasty.reactive.internal.change.ChangeReads}), once per batch for all of a
 * {@code Db}'s live subscribers of a model
 * ({@link io.toasty.reactive.internal.change.ChangeFanOut}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.change;

import org.jspecify.annotations.NullMarked;
