package io.toasty.reactive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link TxStats} and {@link TxTimes}, one set per {@link Db}. */
final class TxCounters {
  final AtomicLong begun = new AtomicLong();
  final Ended committed = new Ended();
  final Ended rolledBack = new Ended();
  final Ended cancelled = new Ended();
  final Ended commitOutcomeUnknown = new Ended();
  final AtomicLong failedCleanups = new AtomicLong();

  TxStats snapshot() {
    return new TxStats(begun.get(), committed.count.get(), rolledBack.count.get(),
        cancelled.count.get(), failedCleanups.get(), commitOutcomeUnknown.count.get());
  }

  TxTimes times() {
    return new TxTimes(committed.time(), rolledBack.time(), cancelled.time(),
        commitOutcomeUnknown.time());
  }

  /** Transactions that ended one way: how many, and how long they were open in all. */
  static final class Ended {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    /** One more, begun at {@code begunAt} ({@code System.nanoTime()}) and ended now. */
    void add(long begunAt) {
      nanos.addAndGet(System.nanoTime() - begunAt);
      count.incrementAndGet();
    }

    private Duration time() {
      return Duration.ofNanos(nanos.get());
    }
  }
}
