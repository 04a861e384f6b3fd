package io.toasty.reactive;

import java.time.Duration;
import java.util.Objects;

/**
 * How often, and after how long a pause, the engine tries again work that failed with a
 * transient error. Pauses grow exponentially from {@code firstBackoff} up to {@code maxBackoff},
 * each shortened at random by up to {@code jitter} (a fraction, 0 to 1) so that clients that
 * failed together do not come back together.
 *
 * <p>What is retried, and only while nothing has been emitted to the subscriber yet:
 * <ul>
 *   <li>a read: a lost connection, a pool timeout, a serialization failure or deadlock,
 *       throttling;</li>
 *   <li>a write outside a transaction: a serialization failure or deadlock, throttling (the
 *       database did not apply it); a lost connection or a pool timeout only when nothing of the
 *       write was sent: the connection could not be taken, or the driver found it closed before
 *       writing the statement ({@link io.toasty.error.ConnectionLostException#nothingSent()}). Never a
 *       connection lost once a statement may have reached the database: its outcome is unknown,
 *       and the error reaches the caller;</li>
 *   <li>a whole transaction function ({@link TxOptions#retry(RetryPolicy)},
 *       {@link DbBuilder#transactionRetry}): a serialization failure or deadlock, throttling, and
 *       a lost connection or a pool timeout before any of its statements was sent (BEGIN aside,
 *       which changes nothing), or before its COMMIT was sent (it fails with
 *       {@link io.toasty.error.TransactionRolledBackException}: nothing was committed). A connection
 *       lost once COMMIT may have been sent is never retried: it fails with
 *       {@link io.toasty.error.CommitOutcomeUnknownException}.</li>
 * </ul>
 * A statement inside a transaction is never retried on its own: the transaction is. With no
 * retries ({@link #none()}), a statement outside a transaction whose connection was lost before
 * it emitted anything is still run again at once, on another connection, when it is a read or
 * nothing of it was sent ({@link DbBuilder#retryLostReads}).
 *
 * @param maxRetries   tries after the first (0: none)
 * @param firstBackoff the first pause
 * @param maxBackoff   the longest pause
 * @param jitter       the random share of each pause, 0 to 1
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff,
    double jitter) {
  private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0);

  /** Checks the bounds. */
  public RetryPolicy {
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be 0 <= first <= max, was "
          + firstBackoff + " and " + maxBackoff);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within 0 and 1, was " + jitter);
    }
  }

  /** No retries (the default). */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@code maxRetries} retries, 50 ms first, 2 s at most, half of each pause at random. */
  public static RetryPolicy transientErrors(int maxRetries) {
    return new RetryPolicy(maxRetries, Duration.ofMillis(50), Duration.ofSeconds(2), 0.5);
  }
}
