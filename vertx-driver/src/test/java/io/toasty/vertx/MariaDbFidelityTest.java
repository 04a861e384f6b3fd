package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.UniqueViolationException;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What vertx-mysql-client alone would get wrong on MariaDB, against the build's MariaDB server
 * ({@code -Dtoasty.vertx.mariadb} names another; a database of its own per test): a query that
 * fails under a cursor, a {@code TIME} column, the server's message inside the client's, the
 * statement timeout of a new session, and MariaDB behind a {@code vertx:mysql:} URL. The TCK's
 * vertx-mariadb backend runs every scenario on it.
 */
class MariaDbFidelityTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SERVER = System.getProperty("toasty.vertx.mariadb",
      "vertx:mariadb://root@127.0.0.1:3306/test");
  /** A divisor of zero made an error, as ArithSql writes it (MySqlDialect.divisionByZeroFailure). */
  private static final String DIVIDED = "SELECT id FROM t WHERE a DIV (CASE WHEN b = 0 THEN "
      + "(-9223372036854775807 - octet_length(concat('division by zero', b))) ELSE b END) < ?";

  private String database;
  private final List<VertxDriver> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    database = "vx_" + UUID.randomUUID().toString().replace("-", "");
    rows(driver(SERVER, null), "CREATE DATABASE " + database, false);
  }

  @AfterEach
  void close() {
    try {
      rows(driver(SERVER, null), "DROP DATABASE " + database, false);
    } finally {
      opened.forEach(d -> d.close().block(WAIT));
    }
  }

  private String url() {
    return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
  }

  private VertxDriver driver(String url, Duration statementTimeout) {
    VertxDriver d = VertxDriver.mysql(new DriverConfig(url, Schema.of(List.of()), 1,
        Duration.ofSeconds(10), Duration.ofMinutes(1), null, statementTimeout));
    opened.add(d);
    return d;
  }

  private static List<Value.Record> rows(VertxDriver d, String text, boolean returnsRows,
      Type... types) {
    return Mono.usingWhen(d.connect(), c -> rows(c, text, returnsRows, types),
        Connection::close).block(WAIT);
  }

  private static Mono<List<Value.Record>> rows(Connection c, String text, boolean returnsRows,
      Type... types) {
    return c.exec(new Operation.RawSql(List.of(text), List.of(), returnsRows, List.of(types)))
        .flatMap(r -> r instanceof ExecResponse.Rows rows
            ? rows.rows().collectList() : Mono.just(List.<Value.Record>of()));
  }

  /** The values of a raw row, without its labels. */
  private static Value.Record values(Value.Record row) {
    return (Value.Record) row.get(1);
  }

  private static Throwable failure(Mono<?> work) {
    return work.map(r -> (Throwable) new AssertionError("no error: " + r))
        .onErrorResume(Mono::just).block(WAIT);
  }

  @Test
  void aQueryThatFailsUnderACursorFailsWithItsOwnError() {
    VertxDriver d = driver(url(), null);
    rows(d, "CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT)", false);
    rows(d, "INSERT INTO t VALUES (1, 5, 0), (2, 6, 3)", false);
    Vertx vertx = Vertx.vertx();
    Pool pool = MySQLBuilder.pool().connectingTo(VertxUrl.mysql(url())).using(vertx).build();
    try {
      SqlConnection c = pool.getConnection().await();
      Tuple args = Tuple.of(10);
      // the client takes the columns for an open cursor and drops the error after them
      Throwable alone = failure(CursorRows.of(c, DIVIDED, args, 16).collectList());
      assertInstanceOf(MySQLException.class, alone);
      assertEquals(1421, ((MySQLException) alone).getErrorCode(), alone.getMessage());
      Flux<Row> plain = Futures.mono(() -> c.preparedQuery(DIVIDED).execute(args))
          .flatMapIterable(rows -> rows);
      Throwable own = failure(UnopenedCursor.retried(CursorRows.of(c, DIVIDED, args, 16),
          () -> plain).collectList());
      assertInstanceOf(MySQLException.class, own);
      assertEquals(1690, ((MySQLException) own).getErrorCode(), own.getMessage());
      // a cursor that opens is read as it is
      assertEquals(2, UnopenedCursor.retried(CursorRows.of(c, "SELECT id FROM t WHERE a < ?",
          args, 1), () -> Flux.error(new AssertionError("not run again"))).count().block(WAIT));
      c.close().await();
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  @Test
  void aTimeOfDayComesBackAsATime() {
    VertxDriver d = driver(url(), null);
    // vertx-mysql-client reads a TIME as a Duration
    Value time = values(rows(d, "SELECT CAST('13:45:30.123456' AS TIME(6))", true,
        Type.Scalar.LOCAL_TIME).get(0)).get(0);
    assertEquals(new Value.Time(LocalTime.of(13, 45, 30, 123_456_000)), time);
  }

  @Test
  void anErrorCarriesTheServersOwnMessage() {
    VertxDriver d = driver(url(), null);
    rows(d, "CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(50), UNIQUE KEY email (email))",
        false);
    rows(d, "INSERT INTO u VALUES (1, 'a@x')", false);
    Throwable e = failure(Mono.usingWhen(d.connect(),
        c -> rows(c, "INSERT INTO u VALUES (2, 'a@x')", false), Connection::close));
    assertInstanceOf(UniqueViolationException.class, e);
    // the translator reads the key at the end of the server's message: not the client's wrapper
    assertTrue(e.getMessage().contains("Duplicate entry 'a@x' for key 'email'"), e.getMessage());
    assertFalse(e.getMessage().contains("errorMessage="), e.getMessage());
  }

  @Test
  void aNewSessionHasTheConfiguredStatementTimeout() {
    VertxDriver d = driver(url(), Duration.ofMillis(1500));
    // MariaDB's protocol sets nothing at startup: the session's first statements set it
    Value limit = values(rows(d, "SELECT @@max_statement_time", true, Type.Scalar.DECIMAL)
        .get(0)).get(0);
    assertEquals(new Value.Decimal(new BigDecimal("1.5")), limit);
    Throwable e = failure(Mono.usingWhen(d.connect(),
        c -> rows(c, "SELECT SLEEP(30)", true), Connection::close));
    assertInstanceOf(QueryTimeoutException.class, e);
  }

  @Test
  void mariaDbBehindAMysqlUrlWritesMariaDbsSyntax() {
    VertxDriver d = driver("vertx:mysql" + url().substring("vertx:mariadb".length()), null);
    assertEquals(MySqlDialect.Flavor.MYSQL, ((MySqlDialect) d.dialect()).flavor());
    rows(d, "SELECT 1", true);
    assertEquals(MySqlDialect.Flavor.MARIADB, ((MySqlDialect) d.dialect()).flavor());
    // the capability the planner was given stays MySQL's
    assertEquals("mysql", d.capability().backend());
  }
}
