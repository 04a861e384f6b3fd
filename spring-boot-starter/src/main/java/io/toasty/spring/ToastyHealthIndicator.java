package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import reactor.core.publisher.Mono;

/**
 * The {@code Db}'s health, as {@link Db#health()} tells it: one round trip to the database (a
 * {@code SELECT 1} on a pooled connection; on a backend without SQL, such as DynamoDB, a read of
 * at most one item), with the backend, the round trip's latency, the pool's gauges and the plan
 * cache's figures as details. Down, with the error, when the round trip fails.
 */
public final class ToastyHealthIndicator extends AbstractReactiveHealthIndicator {
  private final Db db;

  /** The health of {@code db}. */
  public ToastyHealthIndicator(Db db) {
    super("Toasty health check failed");
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * The health of {@code db}; {@code models} are no longer needed ({@link Db#health()} reads from
   * the {@code Db}'s own tables) and kept for source compatibility.
   */
  public ToastyHealthIndicator(Db db, List<ModelDef<?>> models) {
    this(db);
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return db.health().map(h -> {
      Health.Builder b = h.up() ? builder.up() : builder.down(h.error());
      b.withDetail("backend", h.backend())
          .withDetail("latencyMillis", h.latency().toNanos() / 1e6)
          .withDetail("models", db.models().models().size())
          .withDetail("planCacheSize", db.planCacheStats().size())
          .withDetail("planCacheHits", db.planCacheStats().hits());
      h.poolState().ifPresent(p -> b.withDetail("poolMaxSize", p.maxSize())
          .withDetail("poolAcquired", p.acquired())
          .withDetail("poolIdle", p.idle())
          .withDetail("poolPending", p.pending()));
      return b.build();
    });
  }
}
