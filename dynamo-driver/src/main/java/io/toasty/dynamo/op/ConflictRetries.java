package io.toasty.dynamo.op;

import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.SerializationFailureException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Trying a write again, after a randomized, growing pause, while another transaction holds it. */
final class ConflictRetries {
  /** How many times a conflicting write is tried again before it fails as transient. */
  static final int CONFLICT_RETRIES = 10;

  private ConflictRetries() {}

  /**
   * {@code write}, subscribed again on a transaction conflict; when conflicts persist, a
   * {@link SerializationFailureException} (transient: the caller may retry it whole).
   */
  static <T> Mono<T> onConflict(Mono<T> write) {
    return write.retryWhen(Retry.backoff(CONFLICT_RETRIES, Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(500))
        .jitter(0.75)
        .filter(DynamoErrors::isConflict)
        .onRetryExhaustedThrow((spec, signal) -> new SerializationFailureException(
            TableInfo.BACKEND, null, "a concurrent transaction kept writing the same item ("
            + (signal.totalRetries() + 1) + " attempts)", signal.failure())));
  }

  /** The pause before attempt {@code attempt} (from 1) of a read of unprocessed keys. */
  static Duration backoff(int attempt) {
    long millis = Math.min(1000, 25L << Math.min(attempt, 6));
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }
}
