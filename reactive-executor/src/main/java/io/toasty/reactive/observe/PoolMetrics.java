package io.toasty.reactive.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.driver.PoolState;
import io.toasty.reactive.Db;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Gauges of a {@code Db}'s pool in a Micrometer {@code MeterRegistry}: {@code toasty.pool.max},
 * {@code .acquired}, {@code .idle}, {@code .allocated} and {@code .pending}, tagged with the
 * backend. A backend without a pool (DynamoDB) gets none. Micrometer is an optional dependency.
 */
public final class PoolMetrics {
  private PoolMetrics() {}

  /** Registers the gauges; they read {@code db.poolState()} when the registry is scraped. */
  public static void bind(Db db, MeterRegistry registry) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(registry, "registry");
    if (db.poolState().isEmpty()) {
      return;
    }
    String backend = db.capability().backend();
    gauge(registry, db, backend, "max", PoolState::maxSize);
    gauge(registry, db, backend, "acquired", PoolState::acquired);
    gauge(registry, db, backend, "idle", PoolState::idle);
    gauge(registry, db, backend, "allocated", PoolState::allocated);
    gauge(registry, db, backend, "pending", PoolState::pending);
  }

  private static void gauge(MeterRegistry registry, Db db, String backend, String name,
      ToIntFunction<PoolState> part) {
    Gauge.builder("toasty.pool." + name, db,
            d -> d.poolState().map(part::applyAsInt).orElse(0).doubleValue())
        .tag("db.backend", backend)
        .description("the Db's pool: " + name + " connections")
        .register(registry);
  }
}
