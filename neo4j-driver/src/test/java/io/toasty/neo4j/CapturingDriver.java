package io.toasty.neo4j;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.PoolState;
import io.toasty.stmt.StatementNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A driver that keeps the statements of the queries it runs, for a test to render again. */
final class CapturingDriver implements Driver {
  private final Driver driver;
  final List<StatementNode> queries = new CopyOnWriteArrayList<>();

  CapturingDriver(Driver driver) {
    this.driver = driver;
  }

  @Override
  public Capability capability() {
    return driver.capability();
  }

  @Override
  public Mono<Connection> connect() {
    return driver.connect().map(c -> new Connection() {
      @Override
      public Mono<ExecResponse> exec(Operation operation) {
        if (operation instanceof Operation.QuerySql q) {
          queries.add(q.statement());
        }
        return c.exec(operation);
      }

      @Override
      public Mono<Void> close() {
        return c.close();
      }
    });
  }

  @Override
  public Optional<PoolState> poolState() {
    return driver.poolState();
  }

  @Override
  public Mono<Void> pushSchema() {
    return driver.pushSchema();
  }

  @Override
  public Mono<Void> resetSchema() {
    return driver.resetSchema();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : driver.unwrap(type);
  }

  @Override
  public Mono<Void> close() {
    return driver.close();
  }
}
