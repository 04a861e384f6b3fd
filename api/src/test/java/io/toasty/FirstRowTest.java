package io.toasty;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/** {@link FirstRow}: the first row, the rest read to the end, none as empty or as an error. */
class FirstRowTest {
  /** A hang guard, not a timing assertion. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  @Test
  void theRowOnceTheReadHasEnded() {
    TestPublisher<String> rows = TestPublisher.create();
    StepVerifier.create(new FirstRow<>(rows.flux(), null))
        .then(() -> rows.assertMinRequested(Long.MAX_VALUE))
        .then(() -> rows.next("a"))
        .then(rows::assertNotCancelled) // read to its end, not cancelled after the first
        .then(rows::complete)
        .expectNext("a")
        .expectComplete()
        .verify(GUARD);
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
  void anErrorAfterTheRowIsTheError() {
    StepVerifier.create(new FirstRow<>(Flux.just("a")
            .concatWith(Flux.error(new IllegalStateException("lost"))), null))
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
