package io.toasty.reactive.internal.driver;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.Health;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A {@code Db}'s health check ({@code Db.health()}): one round trip on a pooled connection, and
 * the pool's gauges after it.
 */
public final class HealthProbe {
  private final GatedDriver driver;
  private final Schema schema;

  public HealthProbe(GatedDriver driver, Schema schema) {
    this.driver = driver;
    this.schema = schema;
  }

  /** The health now: never fails, an error of the round trip is a DOWN health carrying it. */
  public Mono<Health> health() {
    return Mono.defer(() -> {
      long start = System.nanoTime();
      String backend = driver.capability().backend();
      return Mono.usingWhen(driver.connect(), this::ping, Connection::close)
          .then(Mono.fromSupplier(() -> new Health(Health.Status.UP, since(start), backend,
              driver.poolState().orElse(null), null)))
          .onErrorResume(e -> Mono.just(new Health(Health.Status.DOWN, since(start), backend,
              driver.poolState().orElse(null), e)));
    });
  }

  /**
   * {@code SELECT 1} where the backend takes SQL, else a read of at most one item of the first
   * table, else nothing (the connection was opened).
   */
  private Mono<Void> ping(Connection connection) {
    Operation op;
    if (driver.capability().rawSql()) {
      op = new Operation.RawSql(List.of("SELECT 1"), List.of(), true, List.of());
    } else if (!schema.tables().isEmpty()) {
      op = new Operation.Scan(schema.tables().iterator().next().name(), List.of(0),
          new ExprNode.Const(Value.TRUE), List.of());
    } else {
      return Mono.empty();
    }
    return connection.exec(op).flatMap(r -> r instanceof ExecResponse.Rows rows
        ? rows.rows().take(1).then() : Mono.empty());
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
