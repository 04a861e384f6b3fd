package io.toasty.reactive.internal.retry;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ThrottledException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.internal.gate.SendWatch;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/** Resubscribes to failed work as a {@link RetryPolicy} says, while nothing has been emitted. */
public final class Retries {
  private Retries() {}

  /** Whether an attempt that failed with an error may run again. */
  @FunctionalInterface
  public interface Retryable {
    /**
     * @param nothingSent whether no operation of the failed attempt may have reached the
     *                    database ({@link SendWatch})
     */
    boolean test(Throwable e, boolean nothingSent);
  }

  /**
   * What a statement outside a transaction may be retried on (see {@link RetryPolicy}): a read
   * on any transient error; a write on one the database answered without applying it, or on a
   * lost connection or a pool timeout before anything of it was sent.
   */
  public static Retryable forStatement(StatementNode statement) {
    boolean read = statement instanceof Query;
    return (e, nothingSent) -> e instanceof SerializationFailureException
        || e instanceof ThrottledException || unreached(e) && (read || nothingSent);
  }

  /**
   * What a whole transaction may be retried on: a serialization failure or throttling, a
   * transaction the database rolled back because its connection was lost before COMMIT was sent,
   * or a lost connection or a pool timeout before any of its statements was sent.
   */
  public static boolean forTransaction(Throwable e, boolean nothingSent) {
    return e instanceof SerializationFailureException || e instanceof ThrottledException
        || e instanceof TransactionRolledBackException || unreached(e) && nothingSent;
  }

  /** An error after which the work may not have reached the database at all. */
  private static boolean unreached(Throwable e) {
    return e instanceof ConnectionLostException || e instanceof PoolTimeoutException;
  }

  /**
   * {@code work}, subscribed again after a pause when it fails with an error {@code retryable}
   * accepts, at most {@code policy.maxRetries()} times, and never once it has emitted an item
   * (the subscriber would see it twice). Each attempt runs with a fresh {@link SendWatch} in its
   * Context, which tells {@code retryable} whether anything of it may have been sent. The last
   * error is the one signalled.
   */
  public static <T> Flux<T> apply(RetryPolicy policy, Retryable retryable, Flux<T> work) {
    if (policy.maxRetries() == 0) {
      return work;
    }
    return Flux.defer(() -> {
      AtomicBoolean emitted = new AtomicBoolean();
      SendWatch watch = new SendWatch();
      return work.doOnNext(item -> emitted.set(true))
          .contextWrite(context -> context.put(SendWatch.KEY, watch))
          .retryWhen(Retry.backoff(policy.maxRetries(), policy.firstBackoff())
              .maxBackoff(policy.maxBackoff())
              .jitter(policy.jitter())
              .filter(e -> !emitted.get() && retryable.test(e, watch.nothingSent()))
              .doBeforeRetry(signal -> watch.reset())
              .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    });
  }
}
