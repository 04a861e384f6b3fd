package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.error.PoolTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * An application's r2dbc-pool (as a Spring Boot application's {@code ConnectionFactory} bean)
 * whose connections are all in use elsewhere: the driver's acquire ends at the {@code Db}'s
 * acquire timeout, or at the pool's own when that comes first, with the same transient
 * {@link PoolTimeoutException} as on Toasty's own pool, and leaves nothing behind in the pool.
 * (Validation failures asked again and dead connections never reused: {@link
 * DeadConnectionTest}, which runs on an application's pool too.)
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
class FactoryDriverTest {
  /** A hang guard, not a timing assertion. */
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final Duration ACQUIRE = Duration.ofMillis(300);

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private ConnectionPool pool;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
  }

  @AfterEach
  void close() {
    try {
      if (pool != null) {
        pool.disposeLater().onErrorResume(e -> Mono.empty()).block(GUARD);
      }
    } finally {
      database.close();
    }
  }

  private FactoryDriver driver(Duration poolAcquireTime, Duration acquireTimeout) {
    ConnectionPoolConfiguration.Builder config = ConnectionPoolConfiguration.builder(
        R2dbcDrivers.connectionFactory(database.url())).initialSize(0).maxSize(1);
    if (poolAcquireTime != null) {
      config.maxAcquireTime(poolAcquireTime);
    }
    pool = new ConnectionPool(config.build());
    return R2dbcDrivers.onConnectionFactory(pool, new DriverConfig(database.url(),
        Fixtures.SCHEMA, 1, acquireTimeout, Duration.ofMinutes(30), null));
  }

  /** A pool without an acquire time of its own would wait forever: the Db's timeout ends it. */
  @Test
  void theDbsAcquireTimeoutEndsTheWait() {
    FactoryDriver driver = driver(null, ACQUIRE);
    assertBusyPoolTimesOut(driver, ACQUIRE);
  }

  /** The application's pool gives up first: its error is the same typed, transient one. */
  @Test
  void thePoolsOwnAcquireTimeoutIsAPoolTimeout() {
    Duration poolLimit = Duration.ofMillis(200);
    FactoryDriver driver = driver(poolLimit, Duration.ofSeconds(30));
    assertBusyPoolTimesOut(driver, poolLimit);
  }

  /**
   * The engine's permit wait already took part of the acquire timeout: the pool's wait gets
   * what is left, and the error reports the whole timeout.
   */
  @Test
  void thePoolWaitsOnlyForWhatTheDeadlineLeft() {
    FactoryDriver driver = driver(null, Duration.ofSeconds(30));
    AcquireDeadline spent = new AcquireDeadline(ACQUIRE, System.currentTimeMillis() - 250);
    io.r2dbc.spi.Connection elsewhere = Mono.from(pool.create()).block(GUARD);
    try {
      Throwable e = driver.connect().contextWrite(spent::into)
          .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(GUARD);
      PoolTimeoutException timeout = assertInstanceOf(PoolTimeoutException.class, e);
      assertEquals(ACQUIRE, timeout.waited());
    } finally {
      Mono.from(elsewhere.close()).block(GUARD);
    }
    assertPoolIsWhole(driver);
  }

  /**
   * Acquisitions cancelled at random moments on an application's pool with no acquire time of
   * its own (r2dbc-pool then has no {@code Mono.timeout} and no dropped-connection hook in its
   * acquire): every connection comes back, and none twice (a second release shows only as a
   * dropped "Too many permits returned").
   */
  @Test
  void acquisitionsCancelledAtRandomOnAPoolWithoutItsOwnTimeoutReturnEachConnectionOnce() {
    ConnectionPool twoConnections = new ConnectionPool(ConnectionPoolConfiguration.builder(
        R2dbcDrivers.connectionFactory(database.url())).initialSize(0).maxSize(2).build());
    pool = twoConnections;
    FactoryDriver driver = R2dbcDrivers.onConnectionFactory(twoConnections, new DriverConfig(
        database.url(), Fixtures.SCHEMA, 2, Duration.ofSeconds(10), Duration.ofMinutes(30),
        null));
    List<Throwable> dropped = new CopyOnWriteArrayList<>();
    Hooks.onErrorDropped(dropped::add);
    try {
      Random random = new Random(11);
      List<Mono<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < 1_500; i++) {
        Mono<Boolean> use = Mono.usingWhen(driver.connect(), c -> Mono.just(true),
            Connection::close, (c, e) -> c.close(), Connection::close);
        // as BackendBehaviourTest's: some never cancelled, some at once, the rest at random
        Mono<Long> cancel = i % 10 == 0 ? Mono.never() : i % 10 == 1 ? Mono.just(0L)
            : Mono.delay(Duration.ofNanos(random.nextInt(300_000)));
        runs.add(use.flux().takeUntilOther(cancel).next().defaultIfEmpty(false));
      }
      List<Boolean> used = Flux.fromIterable(runs)
          .flatMap(m -> m, 8).collectList().block(Duration.ofSeconds(120));
      long start = System.currentTimeMillis();
      while (driver.poolState().orElseThrow().acquired() > 0
          && System.currentTimeMillis() - start < 10_000) {
        Mono.delay(Duration.ofMillis(20)).block();
      }
      assertEquals(0, driver.poolState().orElseThrow().acquired(), "connections in use");
      assertEquals(List.of(),
          dropped.stream().map(Throwable::toString).distinct().toList());
      long cut = used.stream().filter(u -> !u).count();
      assertTrue(cut > 0 && cut < used.size(), cut + " of " + used.size() + " cut short");
    } finally {
      Hooks.resetOnErrorDropped();
    }
  }

  /** Its one connection held by someone else (a DatabaseClient of the application's). */
  private void assertBusyPoolTimesOut(FactoryDriver driver, Duration waited) {
    io.r2dbc.spi.Connection elsewhere = Mono.from(pool.create()).block(GUARD);
    try {
      Throwable e = driver.connect().then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
          .block(GUARD);
      PoolTimeoutException timeout = assertInstanceOf(PoolTimeoutException.class, e);
      assertTrue(timeout.isTransient());
      assertEquals(waited, timeout.waited());
    } finally {
      Mono.from(elsewhere.close()).block(GUARD);
    }
    assertPoolIsWhole(driver);
  }

  /** The given-up wait left no borrower behind: the next acquire gets the connection. */
  private void assertPoolIsWhole(FactoryDriver driver) {
    Connection next = driver.connect().block(GUARD);
    next.close().block(GUARD);
    assertEquals(0, driver.poolState().orElseThrow().acquired());
    assertEquals(0, driver.poolState().orElseThrow().pending());
    assertEquals(1, driver.poolState().orElseThrow().allocated());
  }
}
