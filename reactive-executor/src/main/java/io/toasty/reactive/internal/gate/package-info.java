/**
 * The connection gate: how a {@code Db} takes its driver's connections. Every connection is
 * taken under a permit of a first-come, first-served gate sized to the pool
 * ({@link io.toasty.reactive.internal.gate.ConnectionGate}, {@link
 * io.toasty.reactive.internal.gate.GatedDriver}); a request that needs several takes them in one
 * step as a {@link io.toasty.reactive.internal.gate.Lease}, so that two such requests never hold
 * part of the pool each while waiting for the rest (docs/design/connections.md). A lent connection
 * runs its operations one at a time on a {@link io.toasty.reactive.internal.gate.Lane}, and its
 * hand-over to a waiting borrower has one owner ({@link io.toasty.driver.internal.HandOver}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.gate;

import org.jspecify.annotations.NullMarked;
