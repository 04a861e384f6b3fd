package io.toasty.reactive.observe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.reactive.Db;
import io.toasty.reactive.TxStats;
import io.toasty.reactive.TxTimes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A {@code Db}'s transaction statistics ({@link Db#transactionStats()},
 * {@link Db#transactionTimes()}) in a Micrometer {@code MeterRegistry}, read when the registry is
 * scraped (nothing is recorded per transaction here), each tagged with {@code db.backend}:
 * <ul>
 *   <li>{@code toasty.transactions.begun}, a counter of transactions begun;
 *   <li>{@code toasty.transactions}, a function timer per {@code outcome} ({@code committed},
 *       {@code rolled_back}, {@code cancelled}, {@code commit_unknown}): how many ended so and
 *       their total time from BEGIN to the end;
 *   <li>{@code toasty.transactions.active}, a gauge of those begun and not yet ended;
 *   <li>{@code toasty.transactions.cleanup.failures}, a counter of rollbacks and releases that
 *       failed.
 * </ul>
 * Micrometer is an optional dependency: this class loads it only when used.
 */
public final class TransactionMetrics {
  /** The timer's name; the others add a part to it. */
  public static final String NAME = "toasty.transactions";

  private TransactionMetrics() {}

  /** Registers the meters; they read {@code db}'s statistics when the registry is scraped. */
  public static void bind(Db db, MeterRegistry registry) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(registry, "registry");
    String backend = db.capability().backend();
    FunctionCounter.builder(NAME + ".begun", db, d -> d.transactionStats().begun())
        .tag("db.backend", backend)
        .description("transactions begun")
        .register(registry);
    ended(registry, db, backend, "committed", TxStats::committed, TxTimes::committed);
    ended(registry, db, backend, "rolled_back", TxStats::rolledBack, TxTimes::rolledBack);
    ended(registry, db, backend, "cancelled", TxStats::cancelled, TxTimes::cancelled);
    ended(registry, db, backend, "commit_unknown", TxStats::commitOutcomeUnknown,
        TxTimes::commitOutcomeUnknown);
    Gauge.builder(NAME + ".active", db, d -> d.transactionStats().active())
        .tag("db.backend", backend)
        .description("transactions begun and not yet ended")
        .register(registry);
    FunctionCounter.builder(NAME + ".cleanup.failures", db,
            d -> d.transactionStats().failedCleanups())
        .tag("db.backend", backend)
        .description("rollbacks and connection releases of transactions that failed")
        .register(registry);
  }

  private static void ended(MeterRegistry registry, Db db, String backend, String outcome,
      ToLongFunction<TxStats> count, Function<TxTimes, Duration> time) {
    FunctionTimer.builder(NAME, db, d -> count.applyAsLong(d.transactionStats()),
            d -> time.apply(d.transactionTimes()).toNanos(), TimeUnit.NANOSECONDS)
        .tag("db.backend", backend)
        .tag("outcome", outcome)
        .description("transactions ended, by outcome, and their time from BEGIN to the end")
        .register(registry);
  }
}
