package io.toasty.reactive.internal.tx;

import io.toasty.reactive.TxStats;
import io.toasty.reactive.TxTimes;
import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link TxStats} and {@link TxTimes}, one set per {@code Db}. */
public final class TxCounters {
  public final AtomicLong begun = new AtomicLong();
  public final DurationTally committed = new DurationTally();
  public final DurationTally rolledBack = new DurationTally();
  public final DurationTally cancelled = new DurationTally();
  public final DurationTally commitOutcomeUnknown = new DurationTally();
  public final AtomicLong failedCleanups = new AtomicLong();

  public TxStats snapshot() {
    return new TxStats(begun.get(), committed.count(), rolledBack.count(),
        cancelled.count(), failedCleanups.get(), commitOutcomeUnknown.count());
  }

  public TxTimes times() {
    return new TxTimes(committed.time(), rolledBack.time(), cancelled.time(),
        commitOutcomeUnknown.time());
  }
}
