package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connection the server killed ({@code pg_terminate_backend}, {@code KILL}) fails with a
 * transient {@link ConnectionLostException} and is never handed out again: on a pool of one, the
 * next borrower gets a new connection that works, 50 times in a row. The same holds on Toasty's
 * own pool ({@link R2dbcDriver}) and on an application's r2dbc-pool ({@link FactoryDriver}, as
 * a Spring Boot application's {@code ConnectionFactory} bean is used), which the driver neither
 * configured nor wrapped.
 */
@ParameterizedClass(name = "[{0}, {1} pool]")
@MethodSource("backends")
class DeadConnectionTest {
  private static final int ROUNDS = 50;

  /** Whose pool the driver takes its connections from. */
  enum Owner { TOASTY, APPLICATION }

  @Parameter(0)
  TestDatabase.Kind kind;

  @Parameter(1)
  Owner owner;

  private TestDatabase database;
  private Driver driver;
  private final List<ConnectionPool> applicationPools = new ArrayList<>();

  static Stream<Arguments> backends() {
    return Stream.of(TestDatabase.Kind.POSTGRESQL, TestDatabase.Kind.MARIADB)
        .flatMap(k -> Stream.of(Owner.values()).map(o -> Arguments.of(k, o)));
  }

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    driver = driver(1);
    driver.pushSchema().block();
  }

  /** A driver on a pool of {@code size}, Toasty's or the application's. */
  private Driver driver(int size) {
    DriverConfig config = new DriverConfig(database.url(), Fixtures.SCHEMA, size,
        Duration.ofSeconds(10), Duration.ofMinutes(30), null);
    if (owner == Owner.TOASTY) {
      return new R2dbcDriverProvider().open(config);
    }
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
        R2dbcDrivers.connectionFactory(database.url())).initialSize(0).maxSize(size).build());
    applicationPools.add(pool);
    return R2dbcDrivers.onConnectionFactory(pool, config);
  }

  @AfterEach
  void close() {
    try {
      driver.close().onErrorResume(e -> Mono.empty()).block();
      for (ConnectionPool pool : applicationPools) {
        pool.disposeLater().onErrorResume(e -> Mono.empty()).block();
      }
    } finally {
      database.close();
    }
  }

  @Test
  void aKilledConnectionIsNeverReused() {
    for (int round = 0; round < ROUNDS; round++) {
      Connection held = driver.connect().block();
      try {
        countUsers(held).block(Duration.ofSeconds(30));
        database.killSessions();
        Throwable lost = firstFailure(held);
        assertInstanceOf(ConnectionLostException.class, lost, () -> "round: got " + lost);
        assertTrue(((ConnectionLostException) lost).isTransient());
      } finally {
        held.close().block(Duration.ofSeconds(30));
      }
      // the pool has one connection: the dead one must not be it
      Connection next = driver.connect().block(Duration.ofSeconds(30));
      try {
        assertEquals(0L, countUsers(next).block(Duration.ofSeconds(30)), "round " + round);
      } finally {
        next.close().block(Duration.ofSeconds(30));
      }
    }
    assertEquals(0, driver.poolState().orElseThrow().acquired());
  }

  /**
   * A BEGIN that fails, the server having ended the session before it, leaves nothing behind:
   * its owner gets the error, the pool does not lend the session again, and the next borrower's
   * write, outside a transaction, is committed at once, seen from a session of its own. The
   * other ways a transaction's owner goes away are {@link TransactionEndsTest}'s (H2 ends a
   * session only by ending its database, so this one is the servers' only).
   */
  @Test
  void anErrorAtBeginLeavesNoTransaction() {
    for (int round = 0; round < 5; round++) {
      Connection c = driver.connect().block(Duration.ofSeconds(30));
      try {
        c.exec(DriverHarness.insertUsers(new Returning.Count(), "warm" + round))
            .block(Duration.ofSeconds(30));
        database.killSessions();
        assertThrows(RuntimeException.class, () -> c.exec(new Operation.Transaction(
            Operation.Transaction.Kind.BEGIN, null, false, null)).block(Duration.ofSeconds(30)));
      } finally {
        c.close().block(Duration.ofSeconds(30));
      }
      String name = "after-begin-error" + round;
      Connection next = driver.connect().block(Duration.ofSeconds(30));
      try {
        next.exec(DriverHarness.insertUsers(new Returning.Count(), name))
            .block(Duration.ofSeconds(30));
      } finally {
        next.close().block(Duration.ofSeconds(30));
      }
      Object seen = database.queryOne("SELECT count(*) FROM " + database.quote("users")
          + " WHERE " + database.quote("name") + " = '" + name + "'");
      assertEquals(1L, ((Number) seen).longValue(), "round " + round + ": the next "
          + "borrower's write is not committed");
    }
    assertEquals(0, driver.poolState().orElseThrow().acquired());
  }

  /**
   * Connections killed idle in the pool never fail an acquire: the pool drops each that fails
   * validation and the driver asks again (nothing was sent), 50 times with three killed at once.
   * A connection whose client has not yet seen its session end (the kill returns before the
   * session is gone) still passes validation: its statement then fails with a transient
   * {@link ConnectionLostException} and the connection is discarded.
   */
  @Test
  void idleKilledConnectionsNeverFailAnAcquire() {
    Driver three = driver(3);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Connection> held = Flux.range(0, 3)
            .concatMap(i -> three.connect()).collectList().block(Duration.ofSeconds(30));
        List<Throwable> failures = Flux.fromIterable(held)
            .concatMap(c -> countUsers(c).then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just).concatWith(c.close().then(Mono.empty())))
            .collectList().block(Duration.ofSeconds(30));
        for (Throwable f : failures) {
          assertInstanceOf(ConnectionLostException.class, f);
        }
        database.killSessions();
      }
      assertEquals(0, three.poolState().orElseThrow().acquired());
      assertTrue(three.poolState().orElseThrow().allocated() <= 3, "the pool keeps its size");
    } finally {
      three.close().onErrorResume(e -> Mono.empty()).block();
    }
  }

  /**
   * The first error of statements sent one after another on {@code c}: the server's kill reaches
   * the client asynchronously, so a statement or two may still be on their way. Bounded by
   * count, not by time.
   */
  private static Throwable firstFailure(Connection c) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      Throwable e = countUsers(c).then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).block(Duration.ofSeconds(30));
      if (e != null) {
        return e;
      }
      Mono.delay(Duration.ofMillis(5)).block();
    }
    throw new AssertionError("the killed connection kept answering");
  }

  private static Mono<Long> countUsers(Connection c) {
    return c.exec(DriverHarness.countUsers())
        .flatMapMany(r -> r instanceof ExecResponse.Rows rows ? rows.rows() : Flux.empty())
        .map(row -> ((Value.I64) row.get(0)).value())
        .next().defaultIfEmpty(0L);
  }
}
