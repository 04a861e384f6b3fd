package io.toasty.reactive.internal.tx;

import io.toasty.reactive.TxStats;
import io.toasty.reactive.TxTimes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running count of things that ended one way and their total time, safe to add to from any
 * thread: behind each outcome of {@link TxStats} and {@link TxTimes} (and of the Spring
 * starters' statistics of Spring-managed transactions, which have the same shape).
 */
public final class DurationTally {
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();

  /** One more, begun at {@code begunAt} ({@code System.nanoTime()}) and ended now. */
  public void add(long begunAt) {
    nanos.addAndGet(System.nanoTime() - begunAt);
    count.incrementAndGet();
  }

  /** How many so far. */
  public long count() {
    return count.get();
  }

  /** Their total time so far. */
  public Duration time() {
    return Duration.ofNanos(nanos.get());
  }
}
