/**
 * A {@code Db}'s read replicas: whether each may serve reads now
 * ({@link io.toasty.reactive.internal.replica.ReplicaProbe}) and how many statements took each
 * route ({@link io.toasty.reactive.internal.replica.RouteCounts}).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.replica;

import org.jspecify.annotations.NullMarked;
