/**
 * Running a statement or transaction again: by the user's retry policy
 * ({@link io.toasty.reactive.internal.retry.Retries}), or after a connection that was lost before anything was sent
 * ({@link io.toasty.reactive.internal.retry.LostConnectionRetry}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.retry;

import org.jspecify.annotations.NullMarked;
