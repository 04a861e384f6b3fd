package io.toasty.reactive.internal.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.PoolTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one-connection fast path ({@link Borrowed}): taken when a permit is free, left for the
 * lease when none is, and every connection and permit back exactly once whatever the moment of
 * a cancel.
 */
class BorrowedTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aFreePermitIsTakenAtOnceAndEverythingComesBack() {
    Pool pool = new Pool(2, false);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    List<Integer> rows = driver.withConnection(c -> Flux.just(1, 2, 3)).collectList()
        .block(WAIT);
    assertEquals(List.of(1, 2, 3), rows);
    assertEquals(1, driver.borrowedAtOnce(), "the fast path was taken");
    assertEquals(2, driver.gate().free());
    assertEquals(0, pool.out.get());
    assertEquals(1, pool.closes.get());
  }

  @Test
  void theSubscriberHearsOfTheEndOnlyOnceConnectionAndPermitAreBack() {
    Pool pool = new Pool(1, false);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    List<String> seen = new ArrayList<>();
    driver.withConnection(c -> Flux.just(1))
        .doOnComplete(() -> seen.add(pool.out.get() + "/" + driver.gate().free()))
        .blockLast(WAIT);
    driver.withConnection(c -> Flux.<Integer>error(new IllegalStateException("boom")))
        .doOnError(e -> seen.add(pool.out.get() + "/" + driver.gate().free()))
        .onErrorResume(e -> Mono.empty())
        .blockLast(WAIT);
    assertEquals(List.of("0/1", "0/1"), seen);
  }

  @Test
  void withNoPermitFreeTheLeaseWaitsItsTurn() {
    Pool pool = new Pool(1, false);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    ConnectionGate.Permit held = driver.gate().tryAcquire();
    List<Integer> rows = new ArrayList<>();
    driver.withConnection(c -> Flux.just(7)).subscribe(rows::add);
    assertTrue(rows.isEmpty(), "waits for the permit");
    assertEquals(0, driver.borrowedAtOnce());
    held.release();
    assertEquals(List.of(7), rows);
    assertEquals(1, driver.gate().free());
    assertEquals(0, pool.out.get());
  }

  @Test
  void aBorrowCancelledInTheQueueLeavesItAndTakesNothing() {
    Pool pool = new Pool(1, false);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    ConnectionGate.Permit held = driver.gate().tryAcquire();
    Disposable waiting = driver.withConnection(c -> Flux.just(7)).subscribe();
    assertEquals(1, driver.gate().waiting());
    waiting.dispose();
    assertEquals(0, driver.gate().waiting());
    held.release();
    assertEquals(1, driver.gate().free());
    assertEquals(0, pool.closes.get(), "no connection was taken");
  }

  @Test
  void aBorrowWaitingLongerThanTheAcquireTimeoutFailsAndTakesNothing() {
    Pool pool = new Pool(1, false);
    GatedDriver driver = new GatedDriver(pool, Duration.ofMillis(20));
    ConnectionGate.Permit held = driver.gate().tryAcquire();
    Throwable e = Assertions.assertThrows(
        PoolTimeoutException.class,
        () -> driver.withConnection(c -> Flux.just(1)).blockLast(WAIT));
    assertTrue(e.getMessage().contains("[h2]"), e.getMessage());
    assertEquals(0, driver.gate().waiting());
    held.release();
    assertEquals(1, driver.gate().free());
    assertEquals(0, pool.closes.get(), "no connection was taken");
  }

  @Test
  void aFailedConnectGivesThePermitBack() {
    Pool pool = new Pool(1, false);
    pool.failNext = true;
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Throwable e = Assertions.assertThrows(IllegalStateException.class,
        () -> driver.withConnection(c -> Flux.just(1)).blockLast(WAIT));
    assertEquals("no connection", e.getMessage());
    assertEquals(1, driver.gate().free());
  }

  /**
   * 500 subscribers on a pool of 2, connections delivered and rows emitted on other threads
   * after random delays, each cancelled at a random moment (some before the connection, some
   * while the rows run, some racing their end): afterwards every connection is back in the pool
   * once, every permit is free, and the pool hands out both connections again.
   */
  @Test
  void randomCancelsLoseNoConnectionAndReleaseNothingTwice() {
    Pool pool = new Pool(2, true);
    GatedDriver driver = new GatedDriver(pool, WAIT);
    Random random = new Random(21);
    AtomicInteger completed = new AtomicInteger();
    List<Mono<Void>> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long work = random.nextInt(3);
      long cancelAt = random.nextInt(4);
      boolean fail = random.nextInt(10) == 0;
      // Every tenth is never cancelled, so that some end normally whatever the timers do (on a
      // quiet machine every other one could be cancelled before its turn).
      Duration cancel = i % 10 == 0 ? WAIT : Duration.ofMillis(cancelAt);
      all.add(driver.withConnection(c -> (fail ? Flux.<Long>error(new IllegalStateException())
              : Mono.delay(Duration.ofMillis(work)).flux()))
          .doOnComplete(completed::incrementAndGet)
          .timeout(cancel, Flux.empty())
          .onErrorResume(e -> Flux.empty())
          .subscribeOn(Schedulers.parallel())
          .then());
    }
    Flux.merge(all).blockLast(WAIT);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((pool.out.get() != 0 || driver.gate().free() != 2)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(0, pool.out.get(), "every connection is back");
    assertEquals(List.of(), List.copyOf(pool.twice), "none given back twice");
    assertEquals(2, driver.gate().free(), "every permit is back");
    assertTrue(driver.borrowedAtOnce() > 0, "the fast path was taken");
    assertTrue(completed.get() > 0);
    List<Integer> again = Flux.range(0, 2)
        .flatMap(i -> driver.withConnection(c -> Mono.delay(Duration.ofMillis(20))
            .thenReturn(pool.out.get()).flux()))
        .collectList().block(WAIT);
    assertEquals(2, again.size(), "both connections handed out again");
    assertEquals(0, pool.out.get());
  }

  /** A pool of {@code size} that counts its connections out and their releases. */
  private static final class Pool extends CountedPool {
    final boolean async;
    final AtomicInteger closes = new AtomicInteger();
    final ConcurrentLinkedQueue<String> twice = new ConcurrentLinkedQueue<>();
    volatile boolean failNext;

    Pool(int size, boolean async) {
      super(size);
      this.async = async;
    }

    @Override
    public Mono<Connection> connect() {
      Mono<Connection> c = Mono.defer(() -> {
        if (failNext) {
          failNext = false;
          return Mono.error(new IllegalStateException("no connection"));
        }
        if (out.incrementAndGet() > size) {
          twice.add("more connections out than the pool has");
        }
        return Mono.just(new Pooled());
      });
      // r2dbc-pool gives a connection back itself when its borrower cancels before delivery
      return async ? c.delayElement(Duration.ofMillis(1))
          .doOnDiscard(Pooled.class, Pooled::giveBack) : c;
    }

    private final class Pooled implements Connection {
      private final AtomicInteger closed = new AtomicInteger();

      void giveBack() {
        if (closed.getAndIncrement() == 0) {
          out.decrementAndGet();
        } else {
          twice.add("given back twice");
        }
      }

      @Override
      public Mono<ExecResponse> exec(Operation operation) {
        return Mono.error(new UnsupportedOperationException());
      }

      @Override
      public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
          closes.incrementAndGet();
          giveBack();
        });
      }
    }
  }
}
