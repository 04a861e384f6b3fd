package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import io.toasty.error.PoolTimeoutException;
import io.toasty.reactive.Db;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.TransientDataAccessResourceException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The pool the Db runs on, Spring Boot's from {@code spring.r2dbc.*} or the starter's from
 * {@code toasty.url}, keeps the promises of Toasty's own pool: its one connection in use
 * elsewhere, a statement fails at {@code toasty.acquire-timeout} with a transient
 * {@link PoolTimeoutException} (Spring's {@code TransientDataAccessResourceException} through the
 * translator); the pool's own acquires end at that time too, unless the application set its own;
 * its sessions can be given up when they stop answering. Nothing here is timed: without the
 * limits each wait would never end.
 */
class PoolLimitsTest {
  private static final Duration GUARD = Duration.ofSeconds(30);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  private static String h2() {
    return "r2dbc:h2:mem:///" + Backend.randomName() + "?options=DB_CLOSE_DELAY=-1";
  }

  @Test
  void anExhaustedBootPoolFailsWithAPoolTimeout() {
    runner.withPropertyValues("spring.r2dbc.url=" + h2(), "spring.r2dbc.pool.initial-size=0",
            "spring.r2dbc.pool.max-size=1", "toasty.acquire-timeout=300ms")
        .run(context -> assertExhaustedPoolTimesOut(context, Duration.ofMillis(300)));
  }

  @Test
  void anExhaustedToastyUrlPoolFailsWithAPoolTimeout() {
    runner.withPropertyValues("toasty.url=" + h2(), "toasty.pool-max-size=1",
            "toasty.acquire-timeout=300ms")
        .run(context -> assertExhaustedPoolTimesOut(context, Duration.ofMillis(300)));
  }

  /** A time the application set for Boot's pool is kept, and its timeout is the same error. */
  @Test
  void bootsPoolKeepsATimeTheApplicationSet() {
    runner.withPropertyValues("spring.r2dbc.url=" + h2(), "spring.r2dbc.pool.initial-size=0",
            "spring.r2dbc.pool.max-size=1", "spring.r2dbc.pool.max-acquire-time=200ms",
            "toasty.acquire-timeout=30s")
        .run(context -> assertExhaustedPoolTimesOut(context, Duration.ofMillis(200)));
  }

  /**
   * Boot's pool on a database server wraps each session so that a stuck one can be given up
   * and dropped (an embedded database's sessions cannot get stuck: left as they are).
   */
  @Test
  void bootsPoolSessionsCanBeAbandoned() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test",
            "spring.r2dbc.pool.initial-size=0")
        .run(context -> {
          ConnectionFactory pool = context.getBean(ConnectionFactory.class);
          Connection pooled = Mono.from(pool.create()).block(GUARD);
          try {
            Object session = ((Wrapped<?>) pooled).unwrap();
            assertThat(session.getClass().getName()).endsWith("Abandonable$Session");
          } finally {
            Mono.from(pooled.close()).block(GUARD);
          }
        });
  }

  /**
   * The pool's one connection held outside the Db: the Db's statement and the pool's own next
   * acquire both end with a timeout after {@code waited}, and the pool is whole afterwards.
   */
  private static void assertExhaustedPoolTimesOut(ApplicationContext context, Duration waited) {
    ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
    Db db = context.getBean(Db.class);
    Connection elsewhere = firstSession(pool);
    try {
      Throwable e = db.sql("SELECT 1 AS one").rows().then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).block(GUARD);
      assertThat(e).isInstanceOf(PoolTimeoutException.class);
      assertThat(((PoolTimeoutException) e).isTransient()).isTrue();
      assertThat(((PoolTimeoutException) e).waited()).isEqualTo(waited);
      assertThat(new ToastyExceptionTranslator()
          .translateExceptionIfPossible((RuntimeException) e))
          .isInstanceOf(TransientDataAccessResourceException.class);
      Throwable own = Mono.from(pool.create()).then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).block(GUARD);
      assertThat(own).as("the pool's own acquire has an end")
          .isInstanceOf(R2dbcTimeoutException.class);
    } finally {
      Mono.from(elsewhere.close()).block(GUARD);
    }
    assertThat(db.sql("SELECT 1 AS one").rows().count().block(GUARD)).isEqualTo(1L);
    assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
  }

  /**
   * The pool's first session. Its acquire also creates it, which on a loaded machine can take
   * longer than the short limit under test: the creation still ends in the pool, so asking again
   * gets it (bounded by the guard).
   */
  private static Connection firstSession(ConnectionPool pool) {
    return Mono.defer(() -> Mono.from(pool.create()))
        .retryWhen(Retry.indefinitely().filter(R2dbcTimeoutException.class::isInstance))
        .block(GUARD);
  }
}
