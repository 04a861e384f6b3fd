/**
 * Where a {@code Db}'s statements go ({@link io.toasty.reactive.internal.route.Router}): into the
 * transaction bound in the Context, onto a connection an outer owner binds
 * ({@link io.toasty.reactive.internal.route.Joined}), into a transaction of their own
 * ({@link io.toasty.reactive.internal.route.TxStarts}), or onto pooled connections; raw SQL and
 * PartiQL ({@link io.toasty.reactive.internal.route.RawStatements}), atomic batches where the
 * backend has no interactive transactions ({@link io.toasty.reactive.internal.route.AtomicBatch}),
 * and the statements as an observer sees them
 * ({@link io.toasty.reactive.internal.route.StatementWatch}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.route;

import org.jspecify.annotations.NullMarked;
