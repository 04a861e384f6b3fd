package io.toasty.r2dbc;

import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Wrapped;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.r2dbc.dialect.H2Dialect;
import io.toasty.stmt.Expr;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A read on H2 (cut short at once when cancelled) whose subscriber cancels while r2dbc-h2 is still
 * executing its query, inside the call that subscribed to it on another thread: the connection is
 * not given back to the pool, for another borrower to send statements on the same H2 session,
 * until that call has returned. The gate is deterministic: the query runs until the test lets
 * it end.
 */
class CancelledReadInFlightTest {
  /** A hang guard, not a timing assertion. */
  private static final long GUARD_SECONDS = 30;

  @Test
  void theReleaseWaitsForTheCancelledQueryToReturn() throws Exception {
    CountDownLatch executing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicInteger released = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    io.r2dbc.spi.Connection pooled = pooled(executing, finish, inFlight, released);
    DriverParts parts = new ServerParts(H2Dialect.INSTANCE, Fixtures.SCHEMA).current();
    R2dbcConnection c = new R2dbcConnection(pooled, parts, null, null);

    ExecResponse.Rows rows = (ExecResponse.Rows) c.exec(selectUsers())
        .block(Duration.ofSeconds(GUARD_SECONDS));
    BaseSubscriber<io.toasty.value.Value.Record> reading = new BaseSubscriber<>() { };
    // the subscription runs the query on this thread, as r2dbc-h2 does on its caller's
    Thread reader = new Thread(() -> rows.rows().subscribe(reading), "h2-caller");
    reader.start();
    assertTrue(executing.await(GUARD_SECONDS, TimeUnit.SECONDS), "the query started");
    reading.dispose(); // the client goes away while the query runs
    CompletableFuture<Void> close = c.close().toFuture();
    assertEquals(1, inFlight.get(), "the query is still executing");
    assertEquals(0, released.get(),
        "the connection is not back in the pool while its cancelled query still runs");
    finish.countDown();
    reader.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    close.get(GUARD_SECONDS, TimeUnit.SECONDS);
    assertEquals(0, inFlight.get());
    assertEquals(1, released.get(), "released once the query returned");
  }

  private static Operation.QuerySql selectUsers() {
    return new Operation.QuerySql(new Query(new Source.Table("users"),
        new Expr.IsNull(col("users", 0)), new Returning.Project(List.of(col("users", 0))),
        List.of(new OrderBy(col("users", 0), OrderBy.Direction.ASC)), null), List.of(),
        List.of(Type.Scalar.I64));
  }

  /**
   * The pool's wrapper of a session whose query executes synchronously in the subscribing call
   * until {@code finish} opens; {@code released} counts the wrapper's closes (the release).
   */
  private static io.r2dbc.spi.Connection pooled(CountDownLatch executing, CountDownLatch finish,
      AtomicInteger inFlight, AtomicInteger released) {
    return (io.r2dbc.spi.Connection) Proxy.newProxyInstance(
        CancelledReadInFlightTest.class.getClassLoader(),
        new Class<?>[] {io.r2dbc.spi.Connection.class, Wrapped.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> statement(executing, finish, inFlight);
          case "close" -> Mono.fromRunnable(released::incrementAndGet);
          case "isAutoCommit" -> true;
          case "unwrap" -> null;
          case "toString" -> "gated H2 session";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> Mono.empty();
        });
  }

  private static io.r2dbc.spi.Statement statement(CountDownLatch executing,
      CountDownLatch finish, AtomicInteger inFlight) {
    return (io.r2dbc.spi.Statement) Proxy.newProxyInstance(
        CancelledReadInFlightTest.class.getClassLoader(),
        new Class<?>[] {io.r2dbc.spi.Statement.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "execute" -> Flux.defer(() -> {
            inFlight.incrementAndGet();
            executing.countDown();
            try {
              finish.await(GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Flux.just(emptyResult());
          });
          case "toString" -> "gated query";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> proxy;
        });
  }

  private static io.r2dbc.spi.Result emptyResult() {
    return (io.r2dbc.spi.Result) Proxy.newProxyInstance(
        CancelledReadInFlightTest.class.getClassLoader(),
        new Class<?>[] {io.r2dbc.spi.Result.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "map" -> Flux.empty();
          case "getRowsUpdated" -> Mono.just(0L);
          case "toString" -> "empty result";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> Flux.empty();
        });
  }
}
