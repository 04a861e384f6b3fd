package io.toasty.sqlite;

import java.time.Duration;
import java.util.function.Supplier;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * SQLite's busy timeout without a sleeping thread: the connections run with
 * {@code busy_timeout = 0}, and a step that fails with {@code SQLITE_BUSY} or
 * {@code SQLITE_LOCKED} (another connection holds a lock: a shared-cache table lock, a reader
 * in rollback-journal mode, another process) is tried again after a short pause off the bridge
 * thread, so the lock holder can go on meanwhile, until the busy timeout has passed.
 */
final class BusyRetry {
  private static final long MAX_PAUSE_NANOS = Duration.ofMillis(25).toNanos();

  private BusyRetry() {}

  /** {@code attempt} subscribed again while it fails busy, for at most {@code timeout}. */
  static <T> Mono<T> retrying(Supplier<Mono<T>> attempt, Duration timeout) {
    return Mono.defer(() -> {
      long deadline = System.nanoTime() + timeout.toNanos();
      return Mono.defer(attempt).retryWhen(Retry.from(failures -> failures.concatMap(failure -> {
        long left = deadline - System.nanoTime();
        if (!isBusy(failure.failure()) || left <= 0) {
          return Mono.error(failure.failure());
        }
        long pause = Math.min(MAX_PAUSE_NANOS,
            Duration.ofMillis(1).toNanos() << Math.min(failure.totalRetriesInARow(), 5));
        return Mono.delay(Duration.ofNanos(Math.min(pause, left)));
      })));
    });
  }

  /**
   * Whether {@code e} is a lock conflict that a later try may not meet. A stale WAL snapshot
   * ({@code SQLITE_BUSY_SNAPSHOT}) is not: its transaction must start over.
   */
  static boolean isBusy(Throwable e) {
    if (!(e instanceof SQLiteException s)) {
      return false;
    }
    SQLiteErrorCode code = s.getResultCode();
    if (code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT) {
      return false;
    }
    int primary = code.code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
  }
}
