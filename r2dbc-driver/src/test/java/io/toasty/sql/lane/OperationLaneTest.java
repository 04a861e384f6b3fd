package io.toasty.sql.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/**
 * The lane's rows with the error translation in the subscriber that passes them on
 * ({@code OperationLane.InTurn}): on the way where the operation before is over already (one
 * subscriber, no {@code defer}) and on the way that waits for it.
 */
class OperationLaneTest {
  private static final Function<Throwable, Throwable> TRANSLATE =
      e -> new IllegalStateException("translated: " + e.getMessage(), e);

  /**
   * A write's subscriber that closes the connection as soon as it hears of the end (the engine's
   * release runs in that signal) finds the lane idle: the write's turn ended before its result
   * was passed on, so the close takes its turn at once, with no wait and no timer.
   */
  @Test
  void aWriteEndsItsTurnBeforeItsSubscriberHearsOfIt() {
    OperationLane lane = new OperationLane();
    AtomicBoolean idleAtValue = new AtomicBoolean();
    AtomicBoolean idleAtEmpty = new AtomicBoolean();
    AtomicBoolean idleAtError = new AtomicBoolean();
    // answered after the subscriber is there, as a statement's answer comes over the wire
    Sinks.One<Integer> value = Sinks.one();
    lane.write(value.asMono()).subscribe(v -> idleAtValue.set(lane.passIfIdle(() -> true)));
    value.tryEmitValue(1);
    Sinks.One<Integer> empty = Sinks.one();
    lane.write(empty.asMono()).subscribe(null, null,
        () -> idleAtEmpty.set(lane.passIfIdle(() -> true)));
    empty.tryEmitEmpty();
    Sinks.One<Integer> error = Sinks.one();
    lane.write(error.asMono()).subscribe(null,
        e -> idleAtError.set(lane.passIfIdle(() -> true)));
    error.tryEmitError(new RuntimeException("boom"));
    assertTrue(idleAtValue.get(), "after a value");
    assertTrue(idleAtEmpty.get(), "after completing empty");
    assertTrue(idleAtError.get(), "after an error");
  }

  @Test
  void aWriteTranslatesItsErrorWhenItsTurnIsNow() {
    OperationLane lane = new OperationLane();
    StepVerifier.create(lane.writeRows(Flux.concat(Flux.just(1),
            Flux.error(new RuntimeException("boom"))), TRANSLATE))
        .expectNext(1)
        .expectErrorSatisfies(e -> {
          assertEquals("translated: boom", e.getMessage());
          assertEquals("boom", e.getCause().getMessage());
        })
        .verify();
  }

  @Test
  void aReadTranslatesItsErrorWhenItsTurnIsNow() {
    OperationLane lane = new OperationLane();
    StepVerifier.create(lane.readRows(Flux.concat(Flux.just(1),
            Flux.error(new RuntimeException("boom"))), TRANSLATE))
        .expectNext(1)
        .expectErrorMessage("translated: boom")
        .verify();
  }

  @Test
  void withoutATranslationTheErrorIsTheSourcesOwn() {
    OperationLane lane = new OperationLane();
    RuntimeException boom = new RuntimeException("boom");
    StepVerifier.create(lane.writeRows(Flux.error(boom)))
        .expectErrorSatisfies(e -> assertSame(boom, e))
        .verify();
    StepVerifier.create(lane.readRows(Flux.error(boom)))
        .expectErrorSatisfies(e -> assertSame(boom, e))
        .verify();
  }

  @Test
  void aTranslationThatThrowsGivesWhatItThrewWithTheErrorSuppressed() {
    OperationLane lane = new OperationLane();
    RuntimeException boom = new RuntimeException("boom");
    IllegalArgumentException thrown = new IllegalArgumentException("translation failed");
    StepVerifier.create(lane.writeRows(Flux.<Integer>error(boom), e -> {
      throw thrown;
    }))
        .expectErrorSatisfies(e -> {
          assertSame(thrown, e);
          assertSame(boom, e.getSuppressed()[0]);
        })
        .verify();
  }

  @Test
  void aCancelledWriteIsReadToItsEndAndTheNextOperationWaitsForIt() {
    OperationLane lane = new OperationLane();
    TestPublisher<Integer> rows = TestPublisher.create();
    StepVerifier.create(lane.writeRows(rows.flux(), TRANSLATE), 1)
        .then(() -> rows.next(1))
        .expectNext(1)
        .thenCancel()
        .verify();
    rows.assertWasRequested(); // not cancelled: read to the end
    rows.assertNotCancelled();
    AtomicBoolean nextStarted = new AtomicBoolean();
    Flux<Integer> next = lane.writeRows(Flux.defer(() -> {
      nextStarted.set(true);
      return Flux.just(9);
    }), TRANSLATE);
    StepVerifier.create(next)
        .then(() -> {
          assertFalse(nextStarted.get(), "the next operation started before the drained one ended");
          rows.next(2, 3); // dropped
          rows.complete();
        })
        .expectNext(9)
        .verifyComplete();
    assertTrue(nextStarted.get());
  }

  @Test
  void aCancelledReadIsCutShort() {
    OperationLane lane = new OperationLane();
    TestPublisher<Integer> rows = TestPublisher.create();
    StepVerifier.create(lane.readRows(rows.flux(), TRANSLATE), 1)
        .then(() -> rows.next(1))
        .expectNext(1)
        .thenCancel()
        .verify();
    rows.assertCancelled();
    StepVerifier.create(lane.readRows(Flux.just(2), TRANSLATE)).expectNext(2).verifyComplete();
  }

  @Test
  void waitingForTheOperationBeforeTheErrorIsStillTranslated() {
    for (boolean drain : new boolean[] {true, false}) {
      OperationLane lane = new OperationLane();
      Sinks.Empty<Void> firstEnds = Sinks.empty();
      Mono<Void> first = lane.write(firstEnds.asMono());
      first.subscribe();
      AtomicInteger subscribed = new AtomicInteger();
      Flux<Integer> failing = Flux.defer(() -> {
        subscribed.incrementAndGet();
        return Flux.error(new RuntimeException("late"));
      });
      Flux<Integer> second = drain ? lane.writeRows(failing, TRANSLATE)
          : lane.readRows(failing, TRANSLATE);
      StepVerifier.create(second)
          .then(() -> {
            assertEquals(0, subscribed.get(), "sent before its turn");
            firstEnds.tryEmitEmpty();
          })
          .expectErrorMessage("translated: late")
          .verify();
      assertEquals(1, subscribed.get());
      // the lane moves on after the failed operation
      StepVerifier.create(lane.readRows(Flux.fromIterable(List.of(4, 5)), TRANSLATE))
          .expectNext(4, 5)
          .verifyComplete();
    }
  }

  @Test
  void aWriteCancelledBeforeItsTurnIsNeverSent() {
    OperationLane lane = new OperationLane();
    Sinks.Empty<Void> firstEnds = Sinks.empty();
    lane.write(firstEnds.asMono()).subscribe();
    AtomicBoolean sent = new AtomicBoolean();
    StepVerifier.create(lane.writeRows(Flux.defer(() -> {
      sent.set(true);
      return Flux.just(1);
    }), TRANSLATE))
        .thenCancel()
        .verify();
    firstEnds.tryEmitEmpty();
    assertFalse(sent.get());
    StepVerifier.create(lane.writeRows(Flux.just(7), TRANSLATE)).expectNext(7).verifyComplete();
  }
}
