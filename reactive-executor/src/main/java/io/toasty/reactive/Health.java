package io.toasty.reactive;

import io.toasty.driver.PoolState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Db}'s health at one moment: whether one round trip to the database succeeded, how long
 * it took, and the connection pool's gauges. Made by {@link Db#health()}.
 *
 * @param status  {@link Status#UP} when the round trip succeeded, else {@link Status#DOWN}
 * @param latency how long the round trip took (until it failed, when down)
 * @param backend the backend's short name ({@code Capability.backend()})
 * @param pool    the pool's gauges after the round trip, or null for a backend without a pool
 * @param error   why the round trip failed, or null when up
 */
public record Health(Status status, Duration latency, String backend, @Nullable PoolState pool,
    @Nullable Throwable error) {

  /** Whether the database answered. */
  public enum Status { UP, DOWN }

  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(backend, "backend");
    if ((status == Status.DOWN) != (error != null)) {
      throw new IllegalArgumentException("a DOWN health has an error, an UP one none");
    }
  }

  /** Whether {@link #status()} is {@link Status#UP}. */
  public boolean up() {
    return status == Status.UP;
  }

  /** The pool's gauges, or empty for a backend without a pool. */
  public Optional<PoolState> poolState() {
    return Optional.ofNullable(pool);
  }
}
