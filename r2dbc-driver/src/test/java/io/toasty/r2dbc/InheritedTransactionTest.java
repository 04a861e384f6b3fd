package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Result;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.UniqueViolationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pooled connection that someone else gave back inside a transaction (Spring's transaction
 * manager does when a cancel cuts its BEGIN short) serves Toasty's statements outside it: they
 * commit, and on PostgreSQL a failing one does not leave every later one refused with "current
 * transaction is aborted". The pool has one connection, so every borrower gets that one.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
class InheritedTransactionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private ConnectionPool pool;
  private FactoryDriver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
        R2dbcDrivers.connectionFactory(database.url())).initialSize(0).maxSize(1).build());
    driver = R2dbcDrivers.onConnectionFactory(pool, new DriverConfig(database.url(),
        Fixtures.SCHEMA, 1, Duration.ofSeconds(10), Duration.ofMinutes(30), null));
    run("CREATE TABLE " + database.quote("marks") + " (id INT PRIMARY KEY)");
  }

  @AfterEach
  void close() {
    try {
      pool.disposeLater().block(WAIT);
    } finally {
      database.close();
    }
  }

  /** BEGIN sent as a statement, the connection given back: the pool does not know of it. */
  private void leaveATransactionOpen() {
    Mono.usingWhen(pool.create(),
            c -> Flux.from(c.createStatement("BEGIN").execute())
                .flatMap(Result::getRowsUpdated).then(),
            io.r2dbc.spi.Connection::close)
        .block(WAIT);
  }

  private long run(String sql) {
    return Mono.usingWhen(driver.connect(),
            c -> c.exec(new Operation.RawSql(List.of(sql), List.of(), false, List.of()))
                .map(r -> ((ExecResponse.Count) r).count()),
            Connection::close)
        .block(WAIT);
  }

  private String mark(int id) {
    return "INSERT INTO " + database.quote("marks") + " (id) VALUES (" + id + ")";
  }

  /** The rows another session sees: what was committed. */
  private long committed() {
    return ((Number) database.queryOne("SELECT COUNT(*) FROM " + database.quote("marks")))
        .longValue();
  }

  @Test
  void aWriteThereCommits() {
    leaveATransactionOpen();
    run(mark(1));
    assertEquals(1, committed());
  }

  @Test
  void aFailureThereLeavesLaterStatementsWorking() {
    leaveATransactionOpen();
    run(mark(1));
    leaveATransactionOpen();
    Throwable duplicate = Mono.usingWhen(driver.connect(),
            c -> c.exec(new Operation.RawSql(List.of(mark(1)), List.of(), false, List.of())),
            Connection::close)
        .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);
    assertInstanceOf(UniqueViolationException.class, duplicate);
    for (int id = 2; id <= 4; id++) {
      run(mark(id));
    }
    assertEquals(4, committed());
  }
}
