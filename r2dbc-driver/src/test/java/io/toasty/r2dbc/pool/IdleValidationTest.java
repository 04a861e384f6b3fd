package io.toasty.r2dbc.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * How deeply r2dbc-pool's checks look at a pooled {@link Abandonable} session: a lend after the
 * session sat idle past the bound asks the server ({@code REMOTE}), a lend soon after its release
 * and every check on the way back look at the socket only ({@code LOCAL}). Run through a real
 * r2dbc-pool, whose order of calls (the session's {@code postAllocate} just before the lend's
 * check) the sessions rely on. The round trip's cost is in docs/design/performance.md.
 */
class IdleValidationTest {
  private static final ValidationDepth LOCAL = ValidationDepth.LOCAL;
  private static final ValidationDepth REMOTE = ValidationDepth.REMOTE;

  /** One in-memory database per pool: an earlier test's pool never shares it. */
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final List<ValidationDepth> asked = new CopyOnWriteArrayList<>();
  private ConnectionPool pool;

  @AfterEach
  void dispose() {
    if (pool != null) {
      pool.disposeLater().block(Duration.ofSeconds(10));
    }
  }

  @Test
  void aSessionLentAgainWithinTheBoundIsCheckedLocally() {
    lendTwice(Long.MAX_VALUE);
    assertEquals(List.of(LOCAL, LOCAL, LOCAL, LOCAL), asked);
  }

  @Test
  void aSessionIdlePastTheBoundIsCheckedWithARoundTripWhenLentOnly() {
    lendTwice(0);
    assertEquals(List.of(REMOTE, LOCAL, REMOTE, LOCAL), asked);
  }

  @Test
  void withoutRemoteChecksEveryCheckIsLocal() {
    lendTwice(-1);
    assertEquals(List.of(LOCAL, LOCAL, LOCAL, LOCAL), asked);
  }

  @Test
  void aRemoteCheckThePoolAsksForStaysRemote() {
    pool = pool(0, REMOTE);
    lend();
    assertEquals(List.of(REMOTE, LOCAL), asked);
  }

  @Test
  void aPoolThatChecksWithAQueryOfItsOwnGetsLocalChecksOnTheWayBack() {
    ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///idle-validation-" + DATABASES.incrementAndGet());
    pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
        new Abandonable(recording(h2), 0)).initialSize(0).maxSize(1)
        .validationQuery("SELECT 1").build());
    lend();
    pauseOneTick();
    lend();
    assertEquals(List.of(LOCAL, LOCAL), asked);
  }

  /** A session lent and given back twice, by a pool of one that checks with {@code LOCAL}. */
  private void lendTwice(long remoteAfterIdleNanos) {
    pool = pool(remoteAfterIdleNanos, LOCAL);
    lend();
    pauseOneTick();
    lend();
  }

  private void lend() {
    Connection c = pool.create().block(Duration.ofSeconds(10));
    Mono.from(c.close()).block(Duration.ofSeconds(10));
  }

  private ConnectionPool pool(long remoteAfterIdleNanos, ValidationDepth depth) {
    ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///idle-validation-" + DATABASES.incrementAndGet());
    ConnectionFactory recorded = new Abandonable(recording(h2), remoteAfterIdleNanos);
    return new ConnectionPool(ConnectionPoolConfiguration.builder(recorded)
        .initialSize(0).maxSize(1).validationDepth(depth).build());
  }

  /** {@code factory}'s connections, each recording the depth of every check it is asked. */
  private ConnectionFactory recording(ConnectionFactory factory) {
    return (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
          Object result = method.invoke(factory, args);
          return method.getName().equals("create")
              ? Mono.from((Publisher<?>) result).map(this::recorded)
              : result;
        });
  }

  private Connection recorded(Object connection) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("validate")) {
            asked.add((ValidationDepth) args[0]);
          }
          return method.invoke(connection, args);
        });
  }

  /** Until {@link System#nanoTime()} moves on, so that an idle while of 0 has passed. */
  private static void pauseOneTick() {
    long start = System.nanoTime();
    while (System.nanoTime() == start) {
      Thread.onSpinWait();
    }
  }
}
