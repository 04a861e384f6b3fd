package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link Futures#mono}: a Vert.x future's outcome as a Mono, the call made at subscription. */
class FutureMonoTest {

  @Test
  void theCallIsMadeAtEachSubscriptionNotBefore() {
    AtomicInteger calls = new AtomicInteger();
    Mono<String> mono = Futures.mono(() -> {
      calls.incrementAndGet();
      return Future.succeededFuture("row");
    });
    assertEquals(0, calls.get());
    StepVerifier.create(mono).expectNext("row").verifyComplete();
    StepVerifier.create(mono).expectNext("row").verifyComplete();
    assertEquals(2, calls.get());
  }

  @Test
  void aNullResultCompletesEmpty() {
    StepVerifier.create(Futures.mono(() -> Future.<Void>succeededFuture())).verifyComplete();
  }

  @Test
  void aFailureIsTheSignalItselfNotWrapped() {
    IllegalStateException failure = new IllegalStateException("refused");
    StepVerifier.create(Futures.mono(() -> Future.failedFuture(failure)))
        .expectErrorSatisfies(e -> assertSame(failure, e))
        .verify();
  }

  @Test
  void aCallThatThrowsIsAnErrorSignal() {
    StepVerifier.create(Futures.mono(() -> {
      throw new IllegalArgumentException("bad call");
    })).expectErrorMessage("bad call").verify();
  }

  @Test
  void aValueThatComesLaterWaitsForTheRequest() {
    Promise<String> promise = Promise.promise();
    StepVerifier.create(Futures.mono(promise::future), 0)
        .then(() -> promise.complete("late"))
        .expectNoEvent(java.time.Duration.ZERO)
        .thenRequest(1)
        .expectNext("late")
        .verifyComplete();
  }

  @Test
  void aFailureAfterTheCancelIsDroppedNotLostAndTheCallNotUndone() {
    List<Throwable> dropped = new ArrayList<>();
    Hooks.onErrorDropped(dropped::add);
    try {
      Promise<String> promise = Promise.promise();
      AtomicInteger calls = new AtomicInteger();
      StepVerifier.create(Futures.mono(() -> {
        calls.incrementAndGet();
        return promise.future();
      })).thenCancel().verify();
      IllegalStateException failure = new IllegalStateException("after the cancel");
      promise.fail(failure);
      assertEquals(1, calls.get());
      assertEquals(List.of(failure), dropped);
    } finally {
      Hooks.resetOnErrorDropped();
    }
  }
}
