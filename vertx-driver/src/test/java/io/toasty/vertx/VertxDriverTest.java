package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.UniqueViolationException;
import io.toasty.schema.Schema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The Vert.x transport against the PostgreSQL server the build runs ({@code
 * -Dtoasty.vertx.postgresql} names another): raw statements, rows on demand, transactions,
 * error translation and the pool's hand-over. The TCK's vertx-postgresql backend runs every
 * scenario on it.
 */
class VertxDriverTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SERVER = System.getProperty("toasty.vertx.postgresql",
      "vertx:postgresql://postgres@127.0.0.1:5432/test");

  private String schema;
  private VertxDriver driver;

  @BeforeEach
  void open() {
    schema = "vx_" + UUID.randomUUID().toString().replace("-", "");
    VertxDriver admin = driver(SERVER, 1);
    try {
      run(admin, "CREATE SCHEMA " + schema);
    } finally {
      admin.close().block(WAIT);
    }
    driver = driver(SERVER + "?schema=" + schema, 1);
  }

  @AfterEach
  void close() {
    try {
      run(driver, "DROP SCHEMA " + schema + " CASCADE");
    } finally {
      driver.close().block(WAIT);
    }
  }

  private static VertxDriver driver(String url, int poolSize) {
    return VertxDriver.postgresql(new DriverConfig(url, Schema.of(List.of()), poolSize,
        Duration.ofSeconds(2), Duration.ofMinutes(1), null));
  }

  private static Operation.RawSql sql(String text, boolean returnsRows) {
    return new Operation.RawSql(List.of(text), List.of(), returnsRows, List.of());
  }

  private static long run(VertxDriver d, String text) {
    return Mono.usingWhen(d.connect(), c -> c.exec(sql(text, false)), Connection::close)
        .map(r -> ((ExecResponse.Count) r).count())
        .block(WAIT);
  }

  private static Flux<Value.Record> rows(Connection c, String text, Type... types) {
    return c.exec(new Operation.RawSql(List.of(text), List.of(), true, List.of(types)))
        .flatMapMany(r -> ((ExecResponse.Rows) r).rows());
  }

  private static Operation.Transaction tx(Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }

  @Test
  void aLargeResultComesAsTheSubscriberAsksAndTheConnectionGoesBackOnce() {
    Connection c = driver.connect().block(WAIT);
    assertNotNull(c);
    StepVerifier.create(rows(c, "SELECT generate_series(1, 10000) AS n", Type.Scalar.I32), 0)
        .thenRequest(3)
        .expectNextCount(3)
        .thenRequest(Long.MAX_VALUE)
        .expectNextCount(9997)
        .verifyComplete();
    // the one pooled connection is lent again only once it is back, and closing twice is once
    c.close().then(c.close()).block(WAIT);
    Connection again = driver.connect().block(WAIT);
    assertNotNull(again);
    again.close().block(WAIT);
    assertEquals(0, driver.poolState().orElseThrow().acquired());
  }

  @Test
  void rowsDecodeToTheLibrarysValuesAndLabels() {
    Value.Record row = Mono.usingWhen(driver.connect(),
        c -> rows(c, "SELECT 7::int AS n, 'x'::text AS s, 1.50::numeric AS d, "
            + "'{\"a\":1}'::jsonb AS j", Type.Scalar.I64, Type.Scalar.STRING,
            Type.Scalar.DECIMAL, Type.Scalar.JSON).single(),
        Connection::close).block(WAIT);
    assertNotNull(row);
    Value.Record labels = (Value.Record) row.get(0);
    Value.Record values = (Value.Record) row.get(1);
    assertEquals(new Value.Str("j"), labels.get(3));
    assertEquals(new Value.I64(7), values.get(0));
    assertEquals(new Value.Str("x"), values.get(1));
    assertEquals("1.5", ((Value.Decimal) values.get(2)).value().toPlainString());
    assertEquals("{\"a\":1}", ((Value.Json) values.get(3)).text().replace(" ", ""));
  }

  @Test
  void aRolledBackTransactionLeavesNothingAndAFailureIsTyped() {
    run(driver, "CREATE TABLE t (id int PRIMARY KEY)");
    Long count = Mono.usingWhen(driver.connect(),
        c -> c.exec(tx(Kind.BEGIN))
            .then(c.exec(sql("INSERT INTO t VALUES (1)", false)))
            .then(c.exec(tx(Kind.ROLLBACK)))
            .then(rows(c, "SELECT count(*) FROM t", Type.Scalar.I64).single())
            .map(r -> ((Value.I64) ((Value.Record) r.get(1)).get(0)).value()),
        Connection::close).block(WAIT);
    assertEquals(0L, count);
    run(driver, "INSERT INTO t VALUES (1)");
    Throwable error = Mono.usingWhen(driver.connect(),
        c -> c.exec(sql("INSERT INTO t VALUES (1)", false)), Connection::close)
        .map(r -> (Throwable) null)
        .onErrorResume(Mono::just)
        .block(WAIT);
    assertInstanceOf(UniqueViolationException.class, error);
  }

  @Test
  void aConnectionHandedOverAfterItsAcquireGaveUpGoesBackToThePool() {
    Connection held = driver.connect().block(WAIT);
    assertNotNull(held);
    // the pool's one connection is lent: the second acquire waits, then gives up
    StepVerifier.create(driver.connect())
        .expectError(PoolTimeoutException.class)
        .verify(WAIT);
    held.close().block(WAIT);
    Connection next = driver.connect().block(WAIT);
    assertNotNull(next);
    next.close().block(WAIT);
  }
}
