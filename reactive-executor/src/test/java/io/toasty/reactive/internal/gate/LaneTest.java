package io.toasty.reactive.internal.gate;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class LaneTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void unitsRunOneAtATimeInArrivalOrder() {
    Lane lane = new Lane("closed");
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> done = Flux.range(0, 20)
        .flatMap(i -> lane.submit(() -> Mono.delay(Duration.ofMillis(1))
            .doOnSubscribe(s -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              events.add("start " + i);
            })
            .doOnTerminate(running::decrementAndGet)
            .thenReturn(i)), 20)
        .collectList().block(WAIT);
    assertEquals(20, done.size());
    assertEquals(1, most.get());
    for (int i = 0; i < 20; i++) {
      assertEquals("start " + i, events.get(i));
    }
    awaitIdle(lane);
  }

  /**
   * A unit hands its turn on in {@code doFinally}, which runs after its subscriber has seen the
   * end; with work on another thread, the test thread can get there first.
   */
  private static void awaitIdle(Lane lane) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (lane.busy()) {
      assertTrue(System.nanoTime() < deadline, "the lane is still busy after " + WAIT);
      Thread.onSpinWait();
    }
  }

  @Test
  void aCancelledWaiterIsSkipped() {
    Lane lane = new Lane("closed");
    Sinks.Empty<Void> first = Sinks.empty();
    AtomicInteger ran = new AtomicInteger();
    Disposable holder = lane.submit(() -> first.asMono()).subscribe();
    Disposable waiter = lane.submit(() -> Mono.fromRunnable(ran::incrementAndGet)).subscribe();
    waiter.dispose();
    StepVerifier.create(lane.submit(() -> Mono.just("third"))).then(first::tryEmitEmpty)
        .expectNext("third").verifyComplete();
    assertEquals(0, ran.get());
    assertFalse(lane.busy());
    holder.dispose();
  }

  @Test
  void cancellingTheHolderHandsTheLaneOn() {
    Lane lane = new Lane("closed");
    Disposable holder = lane.submit(() -> Mono.never()).subscribe();
    Mono<String> next = lane.submit(() -> Mono.just("next")).single();
    holder.dispose();
    assertEquals("next", next.block(WAIT));
  }

  @Test
  void closingFailsWaitersAndLaterUnitsButLetsTheHolderFinish() {
    Lane lane = new Lane("the lane is closed");
    Sinks.Empty<Void> first = Sinks.empty();
    StepVerifier.create(lane.submit(() -> first.asMono().thenReturn("holder")))
        .then(() -> StepVerifier.create(lane.submit(() -> Mono.just("waiter")))
            .then(lane::close)
            .expectErrorMessage("the lane is closed").verify(WAIT))
        .then(first::tryEmitEmpty)
        .expectNext("holder").verifyComplete();
    StepVerifier.create(lane.submit(() -> Mono.just("late")))
        .expectErrorMessage("the lane is closed").verify(WAIT);
    assertFalse(lane.busy());
  }

  @Test
  void aHolderReadsTheRestOfItsRowsWhenAnotherUnitWaits() {
    Lane lane = new Lane("closed");
    AtomicInteger produced = new AtomicInteger();
    Flux<Integer> rows = lane.submit(() -> Flux.range(1, 1000)
        .doOnNext(i -> produced.incrementAndGet()));
    StepVerifier.create(rows, 2)
        .expectNext(1, 2)
        .then(() -> assertEquals(2, produced.get()))
        .then(() -> lane.submit(() -> Mono.just(0)).subscribe())
        .then(() -> assertEquals(1000, produced.get(), "spilled into memory"))
        .thenRequest(Long.MAX_VALUE)
        .expectNextCount(998)
        .verifyComplete();
    assertFalse(lane.busy());
  }

  @Test
  void errorsInTheWorkReleaseTheLane() {
    Lane lane = new Lane("closed");
    StepVerifier.create(lane.submit(() -> {
      throw new IllegalStateException("bad supplier");
    })).expectErrorMessage("bad supplier").verify(WAIT);
    StepVerifier.create(lane.submit(() -> Flux.error(new IllegalStateException("bad flux"))))
        .expectErrorMessage("bad flux").verify(WAIT);
    assertFalse(lane.busy());
    assertEquals("ok", lane.submit(() -> Mono.just("ok")).single().block(WAIT));
  }

  /**
   * Units whose work ends while their grant is being delivered (a synchronous query, as on H2)
   * are handed on one after the other, not from within one another: before, each hand-on ran
   * inside the previous unit's {@code doFinally}, one stack frame set per queued unit, and an
   * include over 200,000 parents on H2 ran out of stack.
   */
  @Test
  void manySynchronousUnitsQueuedBehindAHolderRunWithoutDeepeningTheStack() {
    Lane lane = new Lane("closed");
    Sinks.Empty<Void> first = Sinks.empty();
    Disposable holder = lane.submit(() -> first.asMono()).subscribe();
    int units = 50_000;
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    for (int i = 0; i < units; i++) {
      lane.submit(() -> Mono.fromRunnable(() -> {
        ran.incrementAndGet();
        deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
      })).subscribe();
    }
    int before = Thread.currentThread().getStackTrace().length;
    first.tryEmitEmpty();
    assertEquals(units, ran.get());
    assertTrue(deepest.get() < before + 200, "stack depth " + deepest.get() + " from " + before);
    assertFalse(lane.busy());
    holder.dispose();
  }
}
