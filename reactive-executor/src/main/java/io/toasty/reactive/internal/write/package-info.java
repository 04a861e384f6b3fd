/**
 * The checks around writes: limits of relations marked {@code @AtMost} (which statements write
 * them: {@link io.toasty.reactive.internal.write.GuardedWrites}; counting what a transaction filled:
 * {@link io.toasty.reactive.internal.write.CardinalityCheck}), required one-to-one relations checked before COMMIT
 * ({@link io.toasty.reactive.internal.write.RequiredOneCheck}), an atomic batch's captured statements
 * ({@link io.toasty.reactive.internal.write.Capture}) and the size of a bulk stream's chunks
 * ({@link io.toasty.reactive.internal.write.BulkChunks}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.write;

import org.jspecify.annotations.NullMarked;
