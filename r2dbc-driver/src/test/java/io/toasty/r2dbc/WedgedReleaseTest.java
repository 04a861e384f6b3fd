package io.toasty.r2dbc;

import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.r2dbc.pool.Abandonable;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A read whose stream the R2DBC driver never ends (r2dbc-mysql, about once in 200 server-side
 * kills mid-stream) is cancelled; the connection's release, which waits for the operations
 * before it, gives up after its grace, abandons the session (the pool then drops it, and its
 * close is started without waiting for it) and releases the pool's wrapper: the connection is not
 * kept out of the pool for good. Without the grace the release never completes.
 */
class WedgedReleaseTest {
  /** A hang guard, not a timing assertion: the release completes long before. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  @Test
  void aReleaseBehindAReadThatNeverEndsClosesTheConnectionForReal() {
    AtomicInteger physicalClosed = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    Connection physical = session(connection(null, physicalClosed));
    Connection pooled = connection(physical, released);
    DriverParts parts = DriverParts.of(MySqlDialect.MARIADB, Fixtures.SCHEMA);
    R2dbcConnection c = new R2dbcConnection(pooled, parts, null, null, Duration.ofMillis(200));

    ExecResponse.Rows rows = (ExecResponse.Rows) c.exec(selectUsers()).block(GUARD);
    Disposable reading = rows.rows().subscribe();
    reading.dispose(); // drained to its end over the wire: here, never

    c.close().block(GUARD);
    assertThrows(IllegalStateException.class, () -> Abandonable.releasable(physical).block(),
        "the pool's release hook refuses the session: the pool drops it");
    assertEquals(0, physicalClosed.get(), "the release does not wait on the session's close");
    Mono.from(physical.close()).block(GUARD); // as the pool's destroy handler does: at once
    assertEquals(1, physicalClosed.get(), "the session's close was started");
    assertEquals(1, released.get(), "the pool's wrapper is released");
    c.close().block(GUARD);
    assertTrue(released.get() == 1, "a second close does nothing");
  }

  /**
   * The same on an application's pool, whose sessions are not {@link Abandonable}: the stuck
   * session's close is started without waiting for it (a closed socket fails r2dbc-pool's
   * validation of a returned connection, which then drops it), and the pool's wrapper is
   * released.
   */
  @Test
  void onAnApplicationsPoolTheStuckSessionIsClosedInTheBackground() {
    AtomicInteger physicalClosed = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    Connection physical = connection(null, physicalClosed);
    R2dbcConnection c = wedged(connection(physical, released));

    c.close().block(GUARD);
    assertEquals(1, physicalClosed.get(), "the session's close was started, not waited for");
    assertEquals(1, released.get(), "the pool's wrapper is released");
  }

  /**
   * An application's pool whose own release waits behind the stuck session too (its ROLLBACK
   * queues on the session): the borrower's close still ends, after the grace.
   */
  @Test
  void aPoolReleaseStuckBehindTheSessionDoesNotHoldTheBorrower() {
    AtomicInteger physicalClosed = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    Connection physical = connection(null, physicalClosed);
    R2dbcConnection c = wedged(connection(physical, released, false));

    c.close().block(GUARD);
    assertEquals(1, physicalClosed.get());
    assertEquals(1, released.get(), "the pool's release was asked for");
  }

  /** A connection on {@code pooled} whose read never ends, cancelled. */
  private static R2dbcConnection wedged(Connection pooled) {
    DriverParts parts = DriverParts.of(MySqlDialect.MARIADB, Fixtures.SCHEMA);
    R2dbcConnection c = new R2dbcConnection(pooled, parts, null, null, Duration.ofMillis(200));
    ExecResponse.Rows rows = (ExecResponse.Rows) c.exec(selectUsers()).block(GUARD);
    rows.rows().subscribe().dispose();
    return c;
  }

  private static Operation.QuerySql selectUsers() {
    return new Operation.QuerySql(
        new Query(
            new Source.Table("users"),
            new ExprNode.IsNull(col("users", 0)),
            new Returning.Project(List.of(col("users", 0))),
            List.of(new OrderBy(col("users", 0), OrderBy.Direction.ASC)),
            null),
        List.of(),
        List.of(Type.Scalar.I64));
  }

  /**
   * A connection whose statements never answer; {@code inner} (when not null) is what it wraps,
   * as the pool's connection wraps the physical one; {@code closes} counts its closes.
   */
  private static Connection connection(Connection inner,
      AtomicInteger closes) {
    return connection(inner, closes, inner != null);
  }

  /** As above; its close answers when {@code closeAnswers}. */
  private static Connection connection(Connection inner,
      AtomicInteger closes, boolean closeAnswers) {
    Class<?>[] types = inner == null ? new Class<?>[] {Connection.class}
        : new Class<?>[] {Connection.class, Wrapped.class};
    return (Connection) Proxy.newProxyInstance(
        WedgedReleaseTest.class.getClassLoader(), types, (proxy, method, args) ->
            switch (method.getName()) {
              case "createStatement" -> statement();
              // the physical connection's close never answers, as a wedged session's
              case "close" -> closeAnswers
                  ? Mono.fromRunnable(closes::incrementAndGet)
                  : Mono.fromRunnable(closes::incrementAndGet).then(Mono.never());
              case "unwrap" -> inner;
              case "isAutoCommit" -> true;
              case "toString" -> "wedged connection";
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> Mono.empty();
            });
  }

  private static Statement statement() {
    return (Statement) Proxy.newProxyInstance(
        WedgedReleaseTest.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "execute" -> Flux.never();
          case "toString" -> "statement that never answers";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> proxy;
        });
  }

  /** {@code connection} as the driver's own pool holds it: one of {@link Abandonable}'s sessions. */
  private static Connection session(Connection connection) {
    ConnectionFactory one = new ConnectionFactory() {
      @Override
      public Publisher<? extends Connection> create() {
        return Mono.just(connection);
      }

      @Override
      public ConnectionFactoryMetadata getMetadata() {
        return () -> "test";
      }
    };
    return Mono.from(new Abandonable(one, false).create()).block(GUARD);
  }
}
