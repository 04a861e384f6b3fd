package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.r2dbc.spi.Result;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.Operation;
import io.toasty.driver.StatementTimeout;
import io.toasty.error.QueryTimeoutException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
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
 * A statement timeout is the server's: a slow UPDATE is stopped by the database at the limit,
 * fails with {@link QueryTimeoutException}, is gone from the server's process list, and the
 * connection goes on working. Slow: on PostgreSQL and MariaDB it waits for rows another session
 * locked (their timeouts count lock waits); on H2, whose timeout is checked while a statement
 * works but not while it waits for a lock, it updates 100,000 rows under a
 * limit of 20 ms.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
class StatementTimeoutTest {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private R2dbcDriver driver;

  @BeforeEach
  void create() {
    database = TestDatabase.create(kind);
  }

  /**
   * Opens the driver with the pool's statement limit. Only a statement meant to be stopped may
   * reach it: on a busy machine even schema DDL can take a few hundred milliseconds.
   */
  private void open(Duration poolLimit) {
    driver = (R2dbcDriver) new R2dbcDriverProvider().open(new DriverConfig(database.url(),
        Fixtures.SCHEMA, 2, Duration.ofSeconds(10), Duration.ofMinutes(30), null, poolLimit));
    driver.pushSchema().block();
    DriverHarness.count(driver, DriverHarness.insertUsers(new Returning.Count(), "ann"));
  }

  @AfterEach
  void close() {
    try {
      if (driver != null) {
        driver.close().onErrorResume(e -> Mono.empty()).block();
      }
    } finally {
      database.close();
    }
  }

  private static Operation.QuerySql rename(String name) {
    UpdateNode u = new UpdateNode(new Source.Table("users"), ExprNode.TRUE,
        List.of(new Assignment(1, Fixtures.arg(0))), new Returning.Count());
    return new Operation.QuerySql(u, List.of(new Value.Str(name)), List.of());
  }

  @Test
  void theServerStopsAStatementAtTheLimit() {
    // lock waits count on PostgreSQL and MariaDB, so a limit no fast statement reaches will do
    open(Duration.ofMillis(kind == TestDatabase.Kind.H2 ? 20 : 1500));
    io.r2dbc.spi.Connection locker = database.connect().block();
    try {
      makeSlow(locker);
      Throwable e = Mono.usingWhen(driver.connect(), c -> c.exec(rename("waits")),
              Connection::close).then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).block(Duration.ofSeconds(60));
      assertInstanceOf(QueryTimeoutException.class, e, () -> "got " + e);
      assertEquals(0L, waitingUpdates(), "the statement is gone from the server");
    } finally {
      Mono.from(locker.rollbackTransaction()).onErrorResume(x -> Mono.empty()).block();
      Mono.from(locker.close()).block();
    }
    // the session goes on: the next statement on the pool's connections runs
    assertEquals(1L, DriverHarness.count(driver, DriverHarness.insertUsers(new Returning.Count(),
        "after")));
  }

  /**
   * A statement's own limit (from its Context, as {@code db.timeout(..)} and a transaction's
   * deadline write it) is set on the session for that statement only: the session is set back to
   * the pool's limit before the connection returns, so the next borrower finds it as lent.
   */
  @Test
  void aStatementsOwnLimitIsSetBackBeforeTheConnectionReturns() {
    open(Duration.ofSeconds(5));
    String lent = sessionLimit();
    Operation.RawSql show = new Operation.RawSql(List.of(sessionLimitSql()), List.of(), true,
        List.of());
    String during = Flux.usingWhen(driver.connect(),
            c -> c.exec(show).flatMapMany(DriverHarness::rowsOf),
            Connection::close, (c, e) -> c.close(), Connection::close)
        .contextWrite(ctx -> StatementTimeout.withLimit(ctx,
            Duration.ofSeconds(7)))
        .map(r -> r.fields().get(1) instanceof Value.Record v ? v.fields().get(0).toString()
            : r.toString())
        .blockLast(Duration.ofSeconds(30));
    assertEquals(true, during.contains("7"), () -> "under its own limit the session had "
        + during);
    // both pooled connections come back as lent (the one used above among them)
    for (int i = 0; i < 2; i++) {
      assertEquals(lent, sessionLimit());
    }
  }

  /** The session's statement limit, read on a pooled connection of the driver. */
  private String sessionLimit() {
    Operation.RawSql show = new Operation.RawSql(List.of(sessionLimitSql()), List.of(), true,
        List.of());
    return DriverHarness.rows(driver, show).map(Object::toString).blockLast(Duration.ofSeconds(30));
  }

  private String sessionLimitSql() {
    return switch (kind) {
      case POSTGRESQL -> "SHOW statement_timeout";
      case MARIADB -> "SELECT @@max_statement_time";
      default -> "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
          + "'QUERY_TIMEOUT'";
    };
  }

  /** Makes {@code rename} slow: rows locked by {@code locker}, or (H2) many rows. */
  private void makeSlow(io.r2dbc.spi.Connection locker) {
    String sql;
    if (kind == TestDatabase.Kind.H2) {
      sql = "INSERT INTO \"users\" (\"name\", \"email\", \"login_count\", \"status\") "
          + "SELECT 'u' || X, 'u' || X || '@x', 0, 'ACTIVE' FROM SYSTEM_RANGE(1, 100000)";
    } else {
      Mono.from(locker.beginTransaction()).block();
      sql = "UPDATE " + database.quote("users") + " SET " + database.quote("name")
          + " = 'locked'";
    }
    Flux.from(locker.createStatement(sql).execute()).concatMap(Result::getRowsUpdated)
        .blockLast();
  }

  /** Sessions of this database still running an UPDATE (H2: none to ask, so 0). */
  private long waitingUpdates() {
    Object n = switch (kind) {
      case POSTGRESQL -> database.queryOne("SELECT count(*) FROM pg_stat_activity WHERE "
          + "application_name = '" + database.name() + "' AND state = 'active' AND query LIKE "
          + "'UPDATE%'");
      case MARIADB -> database.queryOne("SELECT count(*) FROM information_schema.processlist "
          + "WHERE db = '" + database.name() + "' AND command = 'Query' AND info LIKE 'UPDATE%'");
      default -> 0L;
    };
    return ((Number) n).longValue();
  }
}
