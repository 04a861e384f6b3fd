package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.Select;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import reactor.core.publisher.Mono;

/**
 * The {@code Db}'s health: a round trip through the {@code Db} (an empty transaction, BEGIN
 * then COMMIT, on a connection of the application's pool; on a backend without interactive
 * transactions, such as DynamoDB, a read of at most one record of the first model), with the
 * backend and the plan cache's figures as details. Down, with the error, when the round trip
 * fails.
 */
public final class ToastyHealthIndicator extends AbstractReactiveHealthIndicator {
  private final Db db;
  private final List<ModelDef<?>> models;

  /** The health of {@code db}. */
  public ToastyHealthIndicator(Db db) {
    this(db, List.of());
  }

  /**
   * The health of {@code db}, whose {@code models} are read from on a backend without
   * interactive transactions.
   */
  public ToastyHealthIndicator(Db db, List<ModelDef<?>> models) {
    super("Toasty health check failed");
    this.db = Objects.requireNonNull(db, "db");
    this.models = List.copyOf(models);
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return roundTrip()
        .then(Mono.fromSupplier(() -> builder.up()
            .withDetail("backend", db.capability().backend())
            .withDetail("models", db.models().models().size())
            .withDetail("planCacheSize", db.planCacheStats().size())
            .withDetail("planCacheHits", db.planCacheStats().hits())
            .build()));
  }

  private Mono<?> roundTrip() {
    if (db.capability().interactiveTransactions() || models.isEmpty()) {
      return db.transactionMono(tx -> Mono.just(Boolean.TRUE));
    }
    return Select.from(models.get(0)).limit(1).stream(db).then();
  }
}
