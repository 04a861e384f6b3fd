package io.toasty.reactive;

import io.toasty.ConnectionLostException;
import io.toasty.SerializationFailureException;
import io.toasty.ThrottledException;
import io.toasty.stmt.Query;
import io.toasty.stmt.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/** Resubscribes to failed work as a {@link RetryPolicy} says, while nothing has been emitted. */
final class Retries {
  private Retries() {}

  /** What a statement outside a transaction may be retried on (see {@link RetryPolicy}). */
  static Predicate<Throwable> forStatement(Statement statement) {
    boolean read = statement instanceof Query;
    return e -> e instanceof SerializationFailureException || e instanceof ThrottledException
        || (read && e instanceof ConnectionLostException);
  }

  /** What a whole transaction may be retried on. */
  static boolean forTransaction(Throwable e) {
    return e instanceof SerializationFailureException || e instanceof ThrottledException;
  }

  /**
   * {@code work}, subscribed again after a pause when it fails with an error {@code retryable}
   * accepts, at most {@code policy.maxRetries()} times, and never once it has emitted an item
   * (the subscriber would see it twice). The last error is the one signalled.
   */
  static <T> Flux<T> apply(RetryPolicy policy, Predicate<Throwable> retryable, Flux<T> work) {
    if (policy.maxRetries() == 0) {
      return work;
    }
    return Flux.defer(() -> {
      AtomicBoolean emitted = new AtomicBoolean();
      return work.doOnNext(item -> emitted.set(true))
          .retryWhen(Retry.backoff(policy.maxRetries(), policy.firstBackoff())
              .maxBackoff(policy.maxBackoff())
              .jitter(policy.jitter())
              .filter(e -> !emitted.get() && retryable.test(e))
              .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    });
  }
}
