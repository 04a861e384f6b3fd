/**
 * Transactions behind {@code Tx}: one transaction on one connection, begun and ended exactly
 * once ({@link io.toasty.reactive.internal.tx.TxSession}, what it needs of its {@code Db}:
 * {@link io.toasty.reactive.internal.tx.TxHost}), its savepoints
 * ({@link io.toasty.reactive.internal.tx.SavepointScope}), its deadline
 * ({@link io.toasty.reactive.internal.tx.TxDeadline}), reads in keyset windows on its one
 * connection ({@link io.toasty.reactive.internal.tx.IncludeWindows}), and the counters of how
 * transactions ended ({@link io.toasty.reactive.internal.tx.TxCounters},
 * {@link io.toasty.reactive.internal.tx.DurationTally}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.tx;

import org.jspecify.annotations.NullMarked;
