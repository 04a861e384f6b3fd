package io.toasty.reactive.internal.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ConnectionGateTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aReleasedPermitServesTheNextRequest() {
    ConnectionGate gate = new ConnectionGate(1);
    ConnectionGate.Permit first = gate.acquire(1, WAIT, IllegalStateException::new).block(WAIT);
    assertNotNull(first);
    assertEquals(0, gate.free());
    List<ConnectionGate.Permit> second = new ArrayList<>();
    Disposable waiting = gate.acquire(1, WAIT, IllegalStateException::new).subscribe(second::add);
    assertTrue(second.isEmpty(), "the second waits");
    assertEquals(1, gate.waiting());
    first.release();
    first.release(); // once only
    assertEquals(1, second.size());
    assertEquals(0, gate.free());
    second.get(0).release();
    assertEquals(1, gate.free());
    waiting.dispose();
  }

  /**
   * Work that ends on the thread that granted its permit, with 100,000 waiting behind one permit:
   * each release serves the next waiter from inside the release, which must not nest (it
   * overflowed the stack under 64 HTTP clients on H2, whose answers come on the granting thread).
   */
  @Test
  void releasesFromInsideAGrantDoNotNest() {
    ConnectionGate gate = new ConnectionGate(1);
    ConnectionGate.Permit held = gate.acquire(1, WAIT, IllegalStateException::new).block(WAIT);
    int waiters = 100_000;
    AtomicInteger served = new AtomicInteger();
    for (int i = 0; i < waiters; i++) {
      gate.acquire(1, WAIT, IllegalStateException::new).subscribe(p -> {
        served.incrementAndGet();
        p.release(); // the work ends at once, on this thread
      });
    }
    assertEquals(waiters, gate.waiting());
    held.release();
    assertEquals(waiters, served.get());
    assertEquals(1, gate.free());
    assertEquals(0, gate.waiting());
  }

  @Test
  void aRequestForSeveralIsServedAllAtOnceAndBeforeLaterOnes() {
    ConnectionGate gate = new ConnectionGate(2);
    ConnectionGate.Permit one = gate.acquire(1, WAIT, IllegalStateException::new).block(WAIT);
    List<ConnectionGate.Permit> two = new ArrayList<>();
    List<ConnectionGate.Permit> later = new ArrayList<>();
    gate.acquire(2, WAIT, IllegalStateException::new).subscribe(two::add);
    gate.acquire(1, WAIT, IllegalStateException::new).subscribe(later::add);
    assertTrue(two.isEmpty() && later.isEmpty(), "a free permit is not taken out of turn");
    assertNull(gate.tryAcquire(), "an extra never jumps the queue");
    one.release();
    assertEquals(2, two.get(0).count());
    assertTrue(later.isEmpty());
    two.get(0).release();
    assertEquals(1, later.size());
  }

  @Test
  void aWaitLongerThanTheTimeoutFailsAndLeavesTheQueue() {
    ConnectionGate gate = new ConnectionGate(1);
    ConnectionGate.Permit held = gate.acquire(1, WAIT, IllegalStateException::new).block(WAIT);
    IllegalStateException e = Assertions.assertThrows(
        IllegalStateException.class, () -> gate.acquire(1, Duration.ofMillis(50),
            () -> new IllegalStateException("timed out")).block(WAIT));
    assertEquals("timed out", e.getMessage());
    assertEquals(0, gate.waiting());
    held.release();
    assertEquals(1, gate.free());
  }

  @Test
  void aRequestForMoreThanTheGateHoldsGetsAllOfIt() {
    ConnectionGate gate = new ConnectionGate(1);
    assertEquals(1, gate.acquire(3, WAIT, IllegalStateException::new).block(WAIT).count());
  }

  @Test
  void cancelledWaitsGiveUpTheirPlaceAndLoseNoPermit() {
    ConnectionGate gate = new ConnectionGate(3);
    Random random = new Random(7);
    AtomicInteger served = new AtomicInteger();
    List<Mono<Void>> all = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int n = 1 + random.nextInt(3);
      long hold = random.nextInt(3);
      long cancelAt = random.nextInt(4);
      all.add(gate.acquire(n, WAIT, IllegalStateException::new)
          .flatMap(p -> Mono.delay(Duration.ofMillis(hold)).doFinally(s -> p.release())
              .doOnNext(x -> served.incrementAndGet()))
          .timeout(Duration.ofMillis(cancelAt), Mono.empty())
          .subscribeOn(Schedulers.parallel())
          .then());
    }
    Flux.merge(all).blockLast(Duration.ofSeconds(60));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((gate.free() != 3 || gate.waiting() != 0) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(3, gate.free(), "every permit is back");
    assertEquals(0, gate.waiting());
    assertTrue(served.get() > 0);
  }
}
