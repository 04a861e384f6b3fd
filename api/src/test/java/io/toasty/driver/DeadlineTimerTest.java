package io.toasty.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The shared deadline timer: waits expire in deadline order at their deadline, a stopped wait
 * never expires and leaves nothing behind, one task is armed for many waits and armed again
 * for the earliest left. On virtual time, but for the stress test of concurrent starts and stops.
 */
class DeadlineTimerTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final Counting scheduler = new Counting(clock);
  private final DeadlineTimer timer = new DeadlineTimer(scheduler);
  private final List<String> expired = new CopyOnWriteArrayList<>();

  @Test
  void waitsExpireInDeadlineOrderAtTheirDeadline() {
    start("c", 30);
    start("a", 10);
    start("b", 20);
    clock.advanceTimeBy(Duration.ofMillis(9));
    assertEquals(List.of(), expired);
    clock.advanceTimeBy(Duration.ofMillis(1));
    assertEquals(List.of("a"), expired, "at 10 ms exactly, not on a coarser tick");
    clock.advanceTimeBy(Duration.ofMillis(9));
    assertEquals(List.of("a"), expired);
    clock.advanceTimeBy(Duration.ofMillis(11));
    assertEquals(List.of("a", "b", "c"), expired);
    assertEquals(0, timer.pending());
  }

  @Test
  void laterWaitsArmNothingAndStoppedOnesLeaveTheArmedTask() {
    List<Named> waits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      waits.add(start("w" + i, 30_000 + i));
    }
    assertEquals(1, scheduler.scheduled.get(), "one task for a hundred waits");
    waits.forEach(Named::stop);
    assertEquals(0, timer.pending(), "a stopped wait is taken out at once");
    assertTrue(timer.isArmed(), "the armed task stays");
    start("late", 40_000);
    assertEquals(1, scheduler.scheduled.get(), "later than the armed task: nothing armed");
    clock.advanceTimeBy(Duration.ofMillis(30_000));
    assertEquals(2, scheduler.scheduled.get(), "the task fired and armed for the wait left");
    clock.advanceTimeBy(Duration.ofMillis(10_000));
    assertEquals(List.of("late"), expired);
    assertFalse(timer.isArmed(), "nothing left: nothing armed");
    assertEquals(2, scheduler.scheduled.get());
  }

  @Test
  void anEarlierWaitArmsAnEarlierTask() {
    start("long", 100);
    start("short", 10);
    assertEquals(2, scheduler.scheduled.get());
    clock.advanceTimeBy(Duration.ofMillis(10));
    assertEquals(List.of("short"), expired);
    clock.advanceTimeBy(Duration.ofMillis(89));
    assertEquals(List.of("short"), expired);
    clock.advanceTimeBy(Duration.ofMillis(1));
    assertEquals(List.of("short", "long"), expired, "each once, at its deadline");
    clock.advanceTimeBy(Duration.ofMillis(1000));
    assertEquals(2, expired.size());
  }

  @Test
  void aStoppedWaitNeverExpiresAndMayStartAgain() {
    Named w = start("w", 10);
    start("other", 10);
    w.stop();
    clock.advanceTimeBy(Duration.ofMillis(20));
    assertEquals(List.of("other"), expired);
    timer.start(w, Duration.ofMillis(5));
    clock.advanceTimeBy(Duration.ofMillis(5));
    assertEquals(List.of("other", "w"), expired);
  }

  @Test
  void aNegativeOrHugeLimitIsClamped() {
    start("past", -5);
    timer.start(new Named("forever"), Duration.ofSeconds(Long.MAX_VALUE));
    clock.advanceTimeBy(Duration.ZERO);
    assertEquals(List.of("past"), expired);
    assertEquals(1, timer.pending());
  }

  /** Random starts and stops: what expires is what was not stopped, in deadline order. */
  @Test
  void randomStartsAndStopsExpireTheRestInOrder() {
    Random random = new Random(42);
    List<Named> live = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      long ms = 1 + random.nextInt(500);
      live.add(start(String.valueOf(ms), ms));
      if (random.nextInt(3) == 0) {
        live.remove(random.nextInt(live.size())).stop();
      }
    }
    live.forEach(w -> expected.add(Long.parseLong(w.name)));
    expected.sort(null);
    assertEquals(live.size(), timer.pending());
    clock.advanceTimeBy(Duration.ofMillis(500));
    List<Long> got = expired.stream().map(Long::parseLong).toList();
    assertEquals(expected.size(), got.size(), "the stopped waits left out");
    assertTrue(expected.equals(got), "in deadline order"); // not the 1,300 values printed
  }

  @Test
  void theSharedTimerFollowsTheParallelScheduler() {
    DeadlineTimer real = DeadlineTimer.shared();
    assertSame(real, DeadlineTimer.shared());
    VirtualTimeScheduler virtual = VirtualTimeScheduler.getOrSet();
    try {
      DeadlineTimer onVirtual = DeadlineTimer.shared();
      assertNotSame(real, onVirtual);
      Named w = new Named("virtual");
      onVirtual.start(w, Duration.ofHours(1));
      virtual.advanceTimeBy(Duration.ofMinutes(59));
      assertEquals(List.of(), expired);
      virtual.advanceTimeBy(Duration.ofMinutes(1));
      assertEquals(List.of("virtual"), expired, "an hour of virtual time");
    } finally {
      VirtualTimeScheduler.reset();
    }
    assertNotSame(real, DeadlineTimer.shared(), "a new parallel scheduler, a new timer");
  }

  /**
   * Threads start and stop waits at once, a stop racing the expiry as a pool's hand-over races
   * its deadline: every wait ends exactly once, and nothing is left in the timer.
   */
  @Test
  void concurrentStartsAndStopsLeaveNothingBehind() throws Exception {
    DeadlineTimer onParallel = new DeadlineTimer(Schedulers.parallel());
    int threads = 4;
    int each = 20_000;
    AtomicInteger expiries = new AtomicInteger();
    AtomicInteger doubleEnds = new AtomicInteger();
    CountDownLatch ended = new CountDownLatch(threads * each);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        runs.add(pool.submit(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < each; i++) {
            Racing w = new Racing(expiries, doubleEnds, ended);
            // most far off and stopped, some due at once to race their stop
            long micros = random.nextInt(4) == 0 ? random.nextInt(500) : 60_000_000;
            onParallel.start(w, Duration.ofNanos(micros * 1000));
            if (random.nextBoolean()) {
              w.end();
            }
          }
        }));
      }
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    Racing.endAll(); // what was not stopped and is far off would wait a minute
    assertTrue(ended.await(30, TimeUnit.SECONDS), "every wait ended");
    assertEquals(0, doubleEnds.get(), "no wait ended twice");
    assertEquals(0, onParallel.pending(), "no dead entry left");
    assertTrue(expiries.get() > 0, "some expired: the race was run");
  }

  private Named start(String name, long millis) {
    Named w = new Named(name);
    timer.start(w, Duration.ofMillis(millis));
    return w;
  }

  private final class Named extends DeadlineTimer.Wait {
    final String name;

    Named(String name) {
      this.name = name;
    }

    void stop() {
      stopDeadline();
    }

    @Override
    protected void expire() {
      expired.add(name);
    }
  }

  /** A wait that ends once: by its expiry or by its own end, whichever comes first. */
  private static final class Racing extends DeadlineTimer.Wait {
    static final Queue<Racing> ALL = new ConcurrentLinkedQueue<>();
    final AtomicInteger state = new AtomicInteger();
    final AtomicInteger expiries;
    final AtomicInteger doubleEnds;
    final CountDownLatch ended;

    Racing(AtomicInteger expiries, AtomicInteger doubleEnds, CountDownLatch ended) {
      this.expiries = expiries;
      this.doubleEnds = doubleEnds;
      this.ended = ended;
      ALL.add(this);
    }

    static void endAll() {
      ALL.forEach(Racing::end);
      ALL.clear();
    }

    void end() {
      if (state.compareAndSet(0, 2)) {
        stopDeadline();
        ended.countDown();
      }
    }

    @Override
    protected void expire() {
      int s = state.getAndUpdate(x -> x == 0 ? 1 : x == 1 ? 3 : x);
      if (s == 0) {
        expiries.incrementAndGet();
        ended.countDown();
      } else if (s == 1) {
        doubleEnds.incrementAndGet(); // expired a second time
      }
    }
  }

  /** A scheduler that counts the tasks put on it. */
  private static final class Counting implements Scheduler {
    final AtomicInteger scheduled = new AtomicInteger();
    final Scheduler delegate;

    Counting(Scheduler delegate) {
      this.delegate = delegate;
    }

    @Override
    public Disposable schedule(Runnable task) {
      scheduled.incrementAndGet();
      return delegate.schedule(task);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
      scheduled.incrementAndGet();
      return delegate.schedule(task, delay, unit);
    }

    @Override
    public long now(TimeUnit unit) {
      return delegate.now(unit);
    }

    @Override
    public Worker createWorker() {
      return delegate.createWorker();
    }
  }
}
