package io.toasty.r2dbc;

import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.r2dbc.pool.LocallyValidated;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
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
 * not given back to the pool (for another borrower to send statements on the same H2 session)
 * and the session is not closed (which fails the statement running on it with H2's "General
 * error") until that call has returned. The gate is deterministic: the query runs until the test
 * lets it end.
 */
class CancelledReadInFlightTest {
  /** A hang guard, not a timing assertion. */
  private static final long GUARD_SECONDS = 30;

  private final CountDownLatch executing = new CountDownLatch(1);
  private final CountDownLatch finish = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger released = new AtomicInteger();
  /** The number of queries executing when the pool's wrapper was released (-1: not yet). */
  private final AtomicInteger inFlightAtRelease = new AtomicInteger(-1);
  private final AtomicInteger sessionCloses = new AtomicInteger();

  @Test
  void theReleaseWaitsForTheCancelledQueryToReturn() throws Exception {
    R2dbcConnection c = new R2dbcConnection(pooled(session()), h2(), null, null);
    Thread reader = cancelWhileExecuting(c);
    CompletableFuture<Void> close = c.close().toFuture();
    assertEquals(1, inFlight.get(), "the query is still executing");
    assertEquals(0, released.get(),
        "the connection is not back in the pool while its cancelled query still runs");
    finishQuery(reader, close);
    assertEquals(0, inFlightAtRelease.get(), "released once the query returned");
  }

  /**
   * An embedded session has no release grace: however long the cancelled query runs (here
   * longer than a grace of zero), its session is not closed under it, and the connection is
   * released to the pool once it returned.
   */
  @Test
  void anEmbeddedSessionIsNeverClosedUnderARunningQuery() throws Exception {
    Connection local = Mono.from(new LocallyValidated(factory()).create())
        .block(Duration.ofSeconds(GUARD_SECONDS));
    R2dbcConnection c = new R2dbcConnection(pooled(local), h2(), null, null, Duration.ZERO);
    Thread reader = cancelWhileExecuting(c);
    CompletableFuture<Void> close = c.close().toFuture();
    finishQuery(reader, close);
    assertEquals(0, sessionCloses.get(), "the embedded session was not closed");
    assertEquals(0, inFlightAtRelease.get(), "released once the query returned");
  }

  private static DriverParts h2() {
    return DriverParts.of(H2Dialect.INSTANCE, Fixtures.SCHEMA);
  }

  /** Starts a read on a thread of its own, and cancels it while its query executes. */
  private Thread cancelWhileExecuting(R2dbcConnection c) throws InterruptedException {
    ExecResponse.Rows rows = (ExecResponse.Rows) c.exec(selectUsers())
        .block(Duration.ofSeconds(GUARD_SECONDS));
    BaseSubscriber<Value.Record> reading = new BaseSubscriber<>() { };
    // the subscription runs the query on this thread, as r2dbc-h2 does on its caller's
    Thread reader = new Thread(() -> rows.rows().subscribe(reading), "h2-caller");
    reader.start();
    assertTrue(executing.await(GUARD_SECONDS, TimeUnit.SECONDS), "the query started");
    reading.dispose(); // the client goes away while the query runs
    return reader;
  }

  private void finishQuery(Thread reader, CompletableFuture<Void> close) throws Exception {
    finish.countDown();
    reader.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    close.get(GUARD_SECONDS, TimeUnit.SECONDS);
    assertEquals(0, inFlight.get());
    assertEquals(1, released.get(), "released once");
  }

  private static Operation.QuerySql selectUsers() {
    return new Operation.QuerySql(new Query(new Source.Table("users"),
        new ExprNode.IsNull(col("users", 0)), new Returning.Project(List.of(col("users", 0))),
        List.of(new OrderBy(col("users", 0), OrderBy.Direction.ASC)), null), List.of(),
        List.of(Type.Scalar.I64));
  }

  /** The pool's wrapper of {@code session}; its close (the release) is counted. */
  private Connection pooled(Connection session) {
    return proxy(Connection.class, (name, args) -> switch (name) {
      case "createStatement" -> session.createStatement((String) args[0]);
      case "close" -> Mono.fromRunnable(() -> {
        inFlightAtRelease.compareAndSet(-1, inFlight.get());
        released.incrementAndGet();
      });
      case "isAutoCommit" -> true;
      case "unwrap" -> session;
      default -> Mono.empty();
    }, Wrapped.class);
  }

  /** A factory of {@link #session()}s. */
  private ConnectionFactory factory() {
    return proxy(ConnectionFactory.class, (name, args) -> switch (name) {
      case "create" -> Mono.just(session());
      default -> null;
    });
  }

  /** A session whose query executes in the subscribing call until {@link #finish} opens. */
  private Connection session() {
    return proxy(Connection.class, (name, args) -> switch (name) {
      case "createStatement" -> statement();
      case "close" -> Mono.fromRunnable(sessionCloses::incrementAndGet);
      case "isAutoCommit" -> true;
      default -> Mono.empty();
    });
  }

  private Statement statement() {
    return proxy(Statement.class, (name, args) -> switch (name) {
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
      default -> null; // binds return the statement: see proxy(..)
    });
  }

  private static io.r2dbc.spi.Result emptyResult() {
    return proxy(io.r2dbc.spi.Result.class, (name, args) -> switch (name) {
      case "getRowsUpdated" -> Mono.just(0L);
      default -> Flux.empty();
    });
  }

  /** What a proxy answers to a method by name; null: the proxy itself. */
  private interface Answer {
    Object apply(String name, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer, Class<?>... more) {
    Class<?>[] types = new Class<?>[1 + more.length];
    types[0] = type;
    System.arraycopy(more, 0, types, 1, more.length);
    return type.cast(Proxy.newProxyInstance(CancelledReadInFlightTest.class.getClassLoader(),
        types, (p, method, args) -> switch (method.getName()) {
          case "toString" -> "test " + type.getSimpleName();
          case "hashCode" -> System.identityHashCode(p);
          case "equals" -> p == args[0];
          default -> {
            Object a = answer.apply(method.getName(), args);
            yield a == null ? p : a;
          }
        }));
  }
}
