package io.toasty.reactive;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link TxStats}, one set per {@link Db}. */
final class TxCounters {
  final AtomicLong begun = new AtomicLong();
  final AtomicLong committed = new AtomicLong();
  final AtomicLong rolledBack = new AtomicLong();
  final AtomicLong cancelled = new AtomicLong();
  final AtomicLong failedCleanups = new AtomicLong();

  TxStats snapshot() {
    return new TxStats(begun.get(), committed.get(), rolledBack.get(), cancelled.get(),
        failedCleanups.get());
  }
}
