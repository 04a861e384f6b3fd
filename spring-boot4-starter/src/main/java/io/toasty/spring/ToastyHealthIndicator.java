package io.toasty.spring;

import io.toasty.reactive.Db;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
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

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return HealthReport.of(db).map(r -> (r.up() ? builder.up() : down(builder, r.error()))
        .withDetails(r.details()).build());
  }

  /** Down, with the error that says why (a DOWN health has one: {@code Health}). */
  private static Health.Builder down(Health.Builder builder, @Nullable Throwable error) {
    return error == null ? builder.down() : builder.down(error);
  }
}
