package io.toasty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.RecordNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/**
 * {@link FirstRow}: the first row told at once, the rest read to the end behind it, none as
 * empty or as an error.
 */
class FirstRowTest {
  /** A hang guard, not a timing assertion. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  @Test
  void theRowIsToldAtOnceAndTheReadGoesOnToItsEnd() {
    TestPublisher<String> rows = TestPublisher.create();
    StepVerifier.create(new FirstRow<>(rows.flux(), null))
        .then(() -> rows.assertMinRequested(Long.MAX_VALUE))
        .then(() -> rows.next("a")) // the statement's end has not come
        .expectNext("a")
        .expectComplete()
        .verify(GUARD);
    rows.assertNotCancelled(); // read to its end, not cancelled after the first
    rows.complete();
  }

  @Test
  void aCancelOnceToldLeavesTheRestToBeRead() {
    TestPublisher<String> rows = TestPublisher.create();
    List<String> told = new ArrayList<>();
    // block() cancels its source when the value comes: the read must not be cut short then
    new FirstRow<>(rows.flux(), null).subscribe(new BaseSubscriber<>() {
      @Override
      protected void hookOnNext(String value) {
        told.add(value);
        cancel();
      }
    });
    rows.next("a");
    assertEquals(List.of("a"), told);
    rows.assertNotCancelled();
    rows.complete();
  }

  @Test
  void aSecondRowIsDropped() {
    StepVerifier.create(new FirstRow<>(Flux.just("a", "b"), null))
        .expectNext("a")
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void noRowIsEmpty() {
    StepVerifier.create(new FirstRow<>(Flux.<String>empty(), null))
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void noRowIsTheMissingError() {
    StepVerifier.create(new FirstRow<>(Flux.<String>empty(),
            () -> new RecordNotFoundException("User", "id = 1")))
        .expectError(RecordNotFoundException.class)
        .verify(GUARD);
  }

  @Test
  void aFailingMissingErrorIsAnError() {
    StepVerifier.create(new FirstRow<>(Flux.<String>empty(), () -> {
      throw new IllegalStateException("cannot print");
    })).expectErrorMessage("cannot print").verify(GUARD);
  }

  @Test
  void anErrorAfterTheRowIsNotTheRecords() {
    StepVerifier.create(new FirstRow<>(Flux.just("a")
            .concatWith(Flux.error(new IllegalStateException("lost"))), null))
        .expectNext("a")
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void anErrorBeforeTheRowIsTheError() {
    StepVerifier.create(new FirstRow<>(Flux.<String>error(new IllegalStateException("lost")),
            null))
        .expectErrorMessage("lost")
        .verify(GUARD);
  }

  @Test
  void theRowWaitsForDemand() {
    StepVerifier.create(new FirstRow<>(Flux.just("a"), null), 0)
        .expectSubscription()
        .thenRequest(1)
        .expectNext("a")
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void cancelReachesTheRows() {
    TestPublisher<String> rows = TestPublisher.create();
    StepVerifier.create(new FirstRow<>(rows.flux(), null))
        .thenCancel()
        .verify(GUARD);
    rows.assertCancelled();
  }
}
