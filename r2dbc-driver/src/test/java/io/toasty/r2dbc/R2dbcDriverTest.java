package io.toasty.r2dbc;

import static io.toasty.r2dbc.DriverHarness.count;
import static io.toasty.r2dbc.DriverHarness.insertUsers;
import static io.toasty.r2dbc.DriverHarness.selectUsers;
import static io.toasty.r2dbc.DriverHarness.userCount;
import static io.toasty.r2dbc.Fixtures.arg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.render.RenderedSql;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The driver as a whole: pooling, streaming, cancellation, schema push, lifetime. */
class R2dbcDriverTest {
  private static final int ROWS = 1000;

  private final List<R2dbcDriver> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    for (R2dbcDriver d : opened) {
      d.close().block();
    }
  }

  private R2dbcDriver open(DriverConfig config) {
    R2dbcDriver driver = (R2dbcDriver) new R2dbcDriverProvider().open(config);
    opened.add(driver);
    return driver;
  }

  /** A driver whose connection factory counts the rows that Result.map reads. */
  private R2dbcDriver counting(String url, AtomicInteger rowsMapped) {
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
    R2dbcDriver driver = new R2dbcDriver(H2Dialect.INSTANCE, DriverHarness.config(url),
        CountingConnectionFactory.wrap(ConnectionFactories.get(options), rowsMapped),
        DialectConnections.needsKeepAlive(H2Dialect.INSTANCE, options));
    opened.add(driver);
    return driver;
  }

  private static void insertThousandMemberships(R2dbcDriver driver) {
    List<ExprNode.Record> rows = new ArrayList<>();
    List<Value> args = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(ExprNode.Record.of(arg(3 * i), arg(3 * i + 1), arg(3 * i + 2)));
      args.add(new Value.I64(1));
      args.add(new Value.I64(i));
      args.add(new Value.Str("member"));
    }
    InsertNode insert = new InsertNode(new Source.Table("memberships"), List.of(0, 1, 2), rows,
        new Returning.Count());
    assertEquals(ROWS, count(driver, new Operation.Insert(insert, args, List.of())));
  }

  private static Operation.QuerySql allMemberships() {
    return new Operation.QuerySql(
        new Query(
            new Source.Table("memberships"),
            ExprNode.TRUE,
            new Returning.Project(List.of(new ExprNode.Column("memberships", 1))),
            List.of(),
            null),
        List.of(),
        List.of(Type.Scalar.I64));
  }

  private static void assertPoolIdle(R2dbcDriver driver) {
    PoolMetrics m = driver.poolMetrics().orElseThrow();
    assertEquals(0, m.acquiredSize(), "acquired");
    assertEquals(0, m.pendingAcquireSize(), "pending");
    assertEquals(m.allocatedSize(), m.idleSize(), "every allocated connection is idle");
  }

  @Test
  void rowsStreamWithBackpressure() {
    AtomicInteger mapped = new AtomicInteger();
    R2dbcDriver driver = counting(Fixtures.memUrl(), mapped);
    driver.pushSchema().block();
    insertThousandMemberships(driver);
    mapped.set(0);

    StepVerifier.create(DriverHarness.rows(driver, allMemberships()), 0)
        .thenRequest(1)
        .expectNextCount(1)
        .then(() -> assertTrue(mapped.get() <= 2, "rows read for request(1): " + mapped.get()))
        .thenRequest(10)
        .expectNextCount(10)
        .then(() -> assertTrue(mapped.get() <= 12, "rows read for request(11): " + mapped.get()))
        .thenCancel()
        .verify(Duration.ofSeconds(10));
    assertTrue(mapped.get() < 20, "rows read in all: " + mapped.get());
    assertPoolIdle(driver);

    mapped.set(0);
    assertEquals(ROWS, DriverHarness.rows(driver, allMemberships()).count().block());
    assertEquals(ROWS, mapped.get());
  }

  @Test
  void cancellingAStreamReleasesTheConnection() {
    R2dbcDriver driver = open(DriverHarness.config(Fixtures.memUrl()));
    driver.pushSchema().block();
    insertThousandMemberships(driver);

    assertEquals(5, DriverHarness.rows(driver, allMemberships()).take(5).count().block());
    assertPoolIdle(driver);

    StepVerifier.create(DriverHarness.rows(driver, allMemberships()), 3)
        .expectNextCount(3)
        .thenCancel()
        .verify(Duration.ofSeconds(10));
    assertPoolIdle(driver);
    assertEquals(1, driver.poolMetrics().orElseThrow().allocatedSize(),
        "the released connection was reused, not leaked");
  }

  @Test
  void cancellingInsideATransactionRollsBackAndReleases() {
    R2dbcDriver driver = open(DriverHarness.config(Fixtures.memUrl()));
    driver.pushSchema().block();
    insertThousandMemberships(driver);

    Flux<Value.Record> work = Flux.usingWhen(driver.connect(),
        c -> c.exec(new Operation.Transaction(Kind.BEGIN, null, false, null))
            .then(c.exec(insertUsers(new Returning.Count(), "ann")))
            .thenMany(c.exec(allMemberships()).flatMapMany(DriverHarness::rowsOf)),
        c -> c.exec(new Operation.Transaction(Kind.COMMIT, null, false, null)).then(c.close()),
        (c, e) -> c.exec(new Operation.Transaction(Kind.ROLLBACK, null, false, null))
            .then(c.close()),
        c -> c.exec(new Operation.Transaction(Kind.ROLLBACK, null, false, null))
            .then(c.close()));
    assertEquals(2, work.take(2).count().block());
    assertPoolIdle(driver);
    assertEquals(0, userCount(driver));
  }

  @Test
  void aPendingAcquireTimesOutWhenThePoolIsExhausted() {
    R2dbcDriver driver = open(new DriverConfig(Fixtures.memUrl(), Fixtures.SCHEMA, 1,
        Duration.ofMillis(200), Duration.ofMinutes(30), "SELECT 1"));
    Connection held = driver.connect().block();
    try {
      PoolTimeoutException e = assertThrows(PoolTimeoutException.class,
          () -> driver.connect().block());
      assertTrue(e.isTransient(), "a pool timeout is transient: nothing was sent");
      assertEquals(Duration.ofMillis(200), e.waited());
      assertTrue(e.getMessage().contains("within 200 ms"), e.getMessage());
    } finally {
      held.close().block();
    }
    Connection again = driver.connect().block();
    again.close().block();
    assertPoolIdle(driver);
  }

  @Test
  void aConnectionThatFailsValidationIsATransientError() {
    String url = Fixtures.memUrl();
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
    ConnectionFactory h2 = ConnectionFactories.get(options);
    // Every connection calls itself broken, as a socket the server closed does.
    ConnectionFactory broken = new ConnectionFactory() {
      @Override
      public Publisher<? extends io.r2dbc.spi.Connection> create() {
        return Mono.from(h2.create()).map(c -> (io.r2dbc.spi.Connection)
            Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.r2dbc.spi.Connection.class}, (proxy, method, args) ->
                    method.getName().equals("validate") ? Mono.just(false)
                        : method.invoke(c, args)));
      }

      @Override
      public ConnectionFactoryMetadata getMetadata() {
        return h2.getMetadata();
      }
    };
    R2dbcDriver driver = new R2dbcDriver(H2Dialect.INSTANCE, new DriverConfig(url,
        Fixtures.SCHEMA, 1, Duration.ofSeconds(5), Duration.ofMinutes(30), null), broken,
        DialectConnections.needsKeepAlive(H2Dialect.INSTANCE, options));
    opened.add(driver);
    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> driver.connect().block());
    assertTrue(e.isTransient());
    assertTrue(e.getMessage().contains("failed validation"), e.getMessage());
  }

  @Test
  void renderedSqlIsReusedAcrossExecutions() {
    R2dbcDriver driver = open(DriverHarness.config(Fixtures.memUrl()));
    driver.pushSchema().block();
    Operation.QuerySql op = selectUsers(ExprNode.eq(new ExprNode.Column("users", 1), arg(0)),
        List.of(new Value.Str("x")), 0);
    RenderedSql first = driver.renderer().render(op.statement());
    DriverHarness.list(driver, op);
    DriverHarness.list(driver, new Operation.QuerySql(op.statement(),
        List.of(new Value.Str("y")), op.rowType()));
    assertSame(first, driver.renderer().render(op.statement()));
  }

  @Test
  void pushIsIdempotentAndResetEmptiesTheTables() {
    R2dbcDriver driver = open(DriverHarness.config(Fixtures.memUrl()));
    driver.pushSchema().block();
    count(driver, insertUsers(new Returning.Count(), "ann"));
    driver.pushSchema().block();
    assertEquals(1, userCount(driver));
    driver.resetSchema().block();
    assertEquals(0, userCount(driver));
    count(driver, insertUsers(new Returning.Count(), "ann"));
    assertEquals(1, userCount(driver));
    assertPoolIdle(driver);
  }

  @Test
  void anInMemoryDatabaseLivesExactlyAsLongAsTheDriver() throws InterruptedException {
    String url = Fixtures.memUrl();
    R2dbcDriver driver = open(DriverHarness.config(url, Duration.ofMillis(50)));
    driver.pushSchema().block();
    count(driver, insertUsers(new Returning.Count(), "ann"));
    // The pool evicts its idle connections in the background after 50 ms.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (driver.poolMetrics().orElseThrow().allocatedSize() > 0) {
      assertTrue(System.nanoTime() < deadline, "the pool never evicted its idle connection");
      Thread.sleep(20);
    }
    assertEquals(1, userCount(driver), "the database outlived every pooled connection");
    driver.close().block();

    R2dbcDriver next = open(DriverHarness.config(url));
    DriverException e = assertThrows(DriverException.class, () -> userCount(next));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }

  @Test
  void anExplicitCloseDelayNeedsNoKeepAlive() {
    assertTrue(DialectConnections.needsKeepAlive(H2Dialect.INSTANCE, ConnectionFactoryOptions.parse(
        "r2dbc:h2:mem:///a")));
    assertEquals(false, DialectConnections.needsKeepAlive(H2Dialect.INSTANCE, ConnectionFactoryOptions.parse(
        "r2dbc:h2:mem:///a?DB_CLOSE_DELAY=-1")));
    assertEquals(false, DialectConnections.needsKeepAlive(H2Dialect.INSTANCE, ConnectionFactoryOptions.parse(
        "r2dbc:h2:file:///tmp/a")));
  }

  @Test
  void closeIsIdempotentAndAClosedDriverRefusesConnections() {
    R2dbcDriver driver = open(DriverHarness.config(Fixtures.memUrl()));
    driver.pushSchema().block();
    driver.close().block();
    driver.close().block();
    DriverException e = assertThrows(DriverException.class, () -> driver.connect().block());
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void cancellingAPendingConnectLeavesNothingAcquired() {
    R2dbcDriver driver = open(new DriverConfig(Fixtures.memUrl(), Fixtures.SCHEMA, 1,
        Duration.ofSeconds(30), Duration.ofMinutes(30), null));
    Connection held = driver.connect().block();
    StepVerifier.create(driver.connect())
        .expectSubscription()
        .then(() -> assertEquals(1, driver.poolMetrics().orElseThrow().pendingAcquireSize()))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    held.close().block();
    assertPoolIdle(driver);
    Mono.usingWhen(driver.connect(), c -> Mono.just(1), Connection::close).block();
    assertPoolIdle(driver);
  }
}
