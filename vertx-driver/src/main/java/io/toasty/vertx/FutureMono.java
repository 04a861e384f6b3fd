package io.toasty.vertx;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The outcome of the Vert.x future that {@code call} makes when subscribed: its value (none for a
 * null result), or its failure. The call is made at subscription and not undone by a cancel; a
 * failure after a cancel is dropped to Reactor's hook, as {@code Mono.fromCompletionStage}
 * drops it.
 *
 * <p>Why not {@code Mono.fromCompletionStage(() -> future.toCompletionStage())}: every statement
 * of the transport passes here, and that made a {@code CompletableFuture}, its completion stage
 * and a deferred Mono per statement on top of the Vert.x future, which already calls back once
 * (docs/design/performance.md, "The Vert.x transport").
 */
final class FutureMono<T> extends Mono<T> {
  private final Supplier<Future<T>> call;

  FutureMono(Supplier<Future<T>> call) {
    this.call = call;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    Future<T> future;
    try {
      future = Objects.requireNonNull(call.get(), "the call's future");
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    Outcome<T> outcome = new Outcome<>(actual);
    actual.onSubscribe(outcome);
    future.onComplete(outcome::settle);
  }

  /** Holds the value until it is requested; tells the subscriber once, unless it cancelled. */
  private static final class Outcome<T> extends Operators.MonoSubscriber<T, T> {
    Outcome(CoreSubscriber<? super T> actual) {
      super(actual);
    }

    void settle(AsyncResult<T> result) {
      if (result.failed()) {
        if (isCancelled()) {
          Operators.onErrorDropped(result.cause(), currentContext());
        } else {
          actual.onError(result.cause());
        }
        return;
      }
      T value = result.result();
      if (value != null) {
        complete(value);
      } else if (!isCancelled()) {
        actual.onComplete();
      }
    }
  }
}
