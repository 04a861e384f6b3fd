package io.toasty.spring;

import io.toasty.reactive.Db;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import reactor.core.publisher.Mono;

/**
 * The {@code Db}'s health: a round trip through the {@code Db} (an empty transaction, BEGIN
 * then COMMIT, on a connection of the application's pool), with the backend and the plan
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
    return db.transactionMono(tx -> Mono.just(Boolean.TRUE))
        .map(ok -> builder.up()
            .withDetail("backend", db.capability().backend())
            .withDetail("models", db.models().models().size())
            .withDetail("planCacheSize", db.planCacheStats().size())
            .withDetail("planCacheHits", db.planCacheStats().hits())
            .build());
  }
}
