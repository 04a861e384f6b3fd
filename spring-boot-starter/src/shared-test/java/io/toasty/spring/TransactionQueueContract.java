package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A Spring transaction takes its connection through the {@code Db}'s first-come gate, as every
 * Toasty statement does, on a pool of one connection: it waits behind the requests that came
 * before it (before, it took the pool's connection from under them), a statement inside it
 * runs on its connection without queueing for a second, and a transaction given up while it
 * waits leaves the queue. Orders and counts, no timings. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionQueueContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int BEFORE = 5;
  private final AtomicInteger emails = new AtomicInteger();
  private String name;
  private String url;
  private ConfigurableApplicationContext context;
  private Db db;
  private TransactionalOperator transactional;

  abstract Backend backend();

  @BeforeAll
  void start() {
    name = Backend.randomName();
    url = backend().create(name);
    context = TestApp.start(url, "--spring.r2dbc.pool.max-size=1",
        "--spring.r2dbc.pool.initial-size=0", "--toasty.acquire-timeout=20s");
    db = context.getBean(Db.class);
    transactional = TransactionalOperator.create(
        context.getBean(ReactiveTransactionManager.class));
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    backend().drop(name);
  }

  private String email() {
    return "queued" + emails.incrementAndGet() + "@example.com";
  }

  private Mono<Author> create() {
    return Authors.create().name("q").email(email()).exec(db);
  }

  @Test
  void bootsTransactionManagerTakesItsConnectionsThroughTheGate() {
    ReactiveTransactionManager manager = context.getBean(ReactiveTransactionManager.class);
    assertThat(manager).isInstanceOf(CancelSafeTransactionManager.class);
    assertThat(((R2dbcTransactionManager) ((CancelSafeTransactionManager) manager).manager())
        .getConnectionFactory()).isInstanceOf(QueuedConnectionFactory.class);
  }

  @Test
  void aSpringTransactionGetsItsConnectionAfterTheRequestsBeforeIt() {
    Sinks.Empty<Void> release = Sinks.empty();
    Disposable holder = db.transactionMono(tx -> create().then(release.asMono())).subscribe();
    awaitPool(1, 0);
    List<String> order = new CopyOnWriteArrayList<>();
    List<Mono<Void>> all = new ArrayList<>();
    for (int i = 0; i < BEFORE; i++) {
      String label = "toasty " + i;
      all.add(create().doOnSuccess(a -> order.add(label)).then().cache());
      all.get(i).subscribe();
      awaitPool(1, i + 1);
    }
    Mono<Void> spring = create().doOnSuccess(a -> order.add("spring")).then()
        .as(transactional::transactional).cache();
    spring.subscribe();
    awaitPool(1, BEFORE + 1);
    release.tryEmitEmpty();
    spring.block(WAIT);
    Mono.when(all).block(WAIT);
    assertThat(order).containsExactly("toasty 0", "toasty 1", "toasty 2", "toasty 3",
        "toasty 4", "spring");
    awaitPool(0, 0);
    holder.dispose();
  }

  /**
   * Inside a Spring transaction that holds the pool's only connection, with requests queued
   * behind it, Toasty's statements (one with an include, which outside a transaction takes two
   * permits, and a nested db.transaction) run on the transaction's connection.
   */
  @Test
  void statementsInsideTheTransactionUseItsConnection() {
    Sinks.Empty<Void> go = Sinks.empty();
    String a = email();
    Mono<Author> work = go.asMono()
        .then(Authors.create().name("in").email(a).articles(Articles.create().title("t"))
            .exec(db))
        .then(Authors.filterByEmail(a).include(Authors.ARTICLES).first(db))
        .flatMap(author -> db.transactionMono(tx -> Articles.create().authorId(author.id())
            .title("nested").exec(db)).thenReturn(author))
        .as(transactional::transactional).cache();
    work.subscribe();
    awaitPool(1, 0);
    Mono<Author> behind = create().cache();
    behind.subscribe();
    awaitPool(1, 1);
    go.tryEmitEmpty();
    assertThat(work.block(WAIT).articles().get()).hasSize(1);
    assertThat(behind.block(WAIT)).isNotNull();
    assertThat(Articles.filterByAuthorId(work.block(WAIT).id()).stream(db).count().block(WAIT))
        .isEqualTo(2);
    awaitPool(0, 0);
  }

  @Test
  void aTransactionGivenUpWhileItWaitsLeavesTheQueue() {
    Sinks.Empty<Void> release = Sinks.empty();
    Disposable holder = db.transactionMono(tx -> create().then(release.asMono())).subscribe();
    awaitPool(1, 0);
    Disposable waiting = create().as(transactional::transactional).subscribe();
    awaitPool(1, 1);
    waiting.dispose();
    awaitPool(1, 0);
    release.tryEmitEmpty();
    awaitPool(0, 0);
    assertThat(create().as(transactional::transactional).block(WAIT)).isNotNull();
    awaitPool(0, 0);
    holder.dispose();
  }

  /**
   * Transactions cancelled at random moments on the pool of one, some while Spring's BEGIN runs
   * (Spring then leaves the connection it was handed to nobody): every connection and permit
   * comes back, and the pool still serves a transaction.
   */
  @Test
  void transactionsCancelledWhileTheyBeginGiveTheirConnectionBack() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      Disposable cancelled = Mono.never().as(transactional::transactional).subscribe();
      LockSupport.parkNanos(random.nextInt(2_000_000));
      cancelled.dispose();
    }
    awaitPool(0, 0);
    assertThat(create().as(transactional::transactional).block(WAIT)).isNotNull();
    awaitPool(0, 0);
  }

  /**
   * A transaction cancelled while its BEGIN is on the wire leaves the connection outside any
   * transaction: the write that takes the pool's only connection next, outside a transaction,
   * is committed at once, seen from a session of its own. Before, the driver skipped the
   * ROLLBACK of a BEGIN it had not seen answered, and the pool took back a connection whose
   * transaction began after it was released: the next writes on it were never committed.
   */
  @Test
  void aTransactionCancelledWhileItBeginsLeavesNoTransactionOpen() {
    Random random = new Random(11);
    for (int round = 0; round < 40; round++) {
      for (int i = 0; i < 5; i++) {
        Disposable cancelled = Mono.never().as(transactional::transactional).subscribe();
        LockSupport.parkNanos(random.nextInt(1_000_000));
        cancelled.dispose();
      }
      awaitPool(0, 0);
      String email = create().block(WAIT).email();
      assertThat(countOutside(email)).as("round %d: the write is committed", round)
          .isEqualTo(1);
    }
  }

  /** Authors with {@code email}, counted on a connection of its own, outside the pool. */
  private long countOutside(String email) {
    String sql = backend().countAuthors(email);
    return Mono.usingWhen(ConnectionFactories.get(url).create(),
            c -> Mono.from(c.createStatement(sql).execute())
                .flatMap(r -> Mono.from(r.map((row, m) -> row.get(0, Number.class).longValue()))),
            c -> c.close())
        .block(WAIT);
  }

  /** Waits until the pool has {@code acquired} connections out and {@code pending} waiting. */
  private void awaitPool(int acquired, int pending) {
    Mono.fromSupplier(() -> db.poolState().orElseThrow())
        .filter(s -> s.acquired() == acquired && s.pending() == pending)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(2)))
        .block(WAIT);
  }
}
