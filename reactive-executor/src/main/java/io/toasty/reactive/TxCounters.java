package io.toasty.reactive;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link TxStats} and {@link TxTimes}, one set per {@link Db}. */
final class TxCounters {
  final AtomicLong begun = new AtomicLong();
  final DurationTally committed = new DurationTally();
  final DurationTally rolledBack = new DurationTally();
  final DurationTally cancelled = new DurationTally();
  final DurationTally commitOutcomeUnknown = new DurationTally();
  final AtomicLong failedCleanups = new AtomicLong();

  TxStats snapshot() {
    return new TxStats(begun.get(), committed.count(), rolledBack.count(),
        cancelled.count(), failedCleanups.get(), commitOutcomeUnknown.count());
  }

  TxTimes times() {
    return new TxTimes(committed.time(), rolledBack.time(), cancelled.time(),
        commitOutcomeUnknown.time());
  }
}
