package io.toasty.spring;

import io.toasty.reactive.internal.tx.DurationTally;
import io.toasty.reactive.TxStats;
import io.toasty.reactive.TxTimes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The statistics of the transactions that Spring's {@code R2dbcTransactionManager} runs on the
 * {@code Db}'s pool ({@code @Transactional}, {@code TransactionalOperator}), in the shape of the
 * {@code Db}'s own ({@link TxStats}, {@link TxTimes}), for the {@code toasty.transactions*}
 * meters tagged {@code manager=spring}. Counted by a {@link TransactionExecutionListener} that
 * {@link TransactionManagerQueue} adds to that manager alone (not a bean of that type, which
 * Spring Boot would give every transaction manager of the application).
 *
 * <p>Spring calls the listener for the transactions it begins, not for a method that joins one:
 * a {@code committed} is a COMMIT that succeeded, a failed COMMIT is {@code commit_unknown} (what
 * Spring reports for it: {@code STATUS_UNKNOWN}), and a rollback is {@code rolled_back}, whether
 * an error or a cancel caused it (Spring's manager does not say which), so {@code cancelled}
 * stays at zero.
 */
final class SpringTransactionStats {
  private final Map<TransactionExecution, Long> open = new ConcurrentHashMap<>();
  private final AtomicLong begun = new AtomicLong();
  private final AtomicLong failedCleanups = new AtomicLong();
  private final DurationTally committed = new DurationTally();
  private final DurationTally rolledBack = new DurationTally();
  private final DurationTally commitUnknown = new DurationTally();
  private final TransactionExecutionListener listener = new Listener();

  /** The listener to add to the transaction manager. */
  TransactionExecutionListener listener() {
    return listener;
  }

  /** The counts so far. */
  TxStats stats() {
    return new TxStats(begun.get(), committed.count(), rolledBack.count(), 0,
        failedCleanups.get(), commitUnknown.count());
  }

  /** The times behind {@link #stats()}. */
  TxTimes times() {
    return new TxTimes(committed.time(), rolledBack.time(), Duration.ZERO, commitUnknown.time());
  }

  /** Ends {@code tx} one way, once: the first of Spring's end calls for it counts. */
  private void end(TransactionExecution tx, DurationTally outcome) {
    Long begunAt = open.remove(tx);
    if (begunAt != null) {
      outcome.add(begunAt);
    }
  }

  private final class Listener implements TransactionExecutionListener {
    @Override
    public void afterBegin(TransactionExecution tx, @Nullable Throwable beginFailure) {
      if (beginFailure == null) {
        open.put(tx, System.nanoTime());
        begun.incrementAndGet();
      }
    }

    @Override
    public void afterCommit(TransactionExecution tx, @Nullable Throwable commitFailure) {
      end(tx, commitFailure == null ? committed : commitUnknown);
    }

    @Override
    public void afterRollback(TransactionExecution tx, @Nullable Throwable rollbackFailure) {
      if (rollbackFailure != null) {
        failedCleanups.incrementAndGet();
      }
      end(tx, rolledBack);
    }
  }
}
