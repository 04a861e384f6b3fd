/**
 * Transactions behind {@code Tx}: the counters of how they ended ({@link io.toasty.reactive.internal.tx.TxCounters},
 * {@link io.toasty.reactive.internal.tx.DurationTally}) and the deadline of a transaction's work
 * ({@link io.toasty.reactive.internal.tx.TxDeadline}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
package io.toasty.reactive.internal.tx;
