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
 * scraped (nothing is recorded per transaction here), each tagged with {@code db.backend} and
 * {@code manager} ({@code toasty} for the {@code Db}'s own transactions, {@code spring} for
 * those of Spring's transaction manager on its pool, which the Spring starters count):
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

  /** The tag that says whose transactions a meter counts. */
  public static final String MANAGER_TAG = "manager";

  /**
   * Registers the meters of {@code db}'s own transactions ({@code manager=toasty}); they read its
   * statistics when the registry is scraped.
   */
  public static void bind(Db db, MeterRegistry registry) {
    Objects.requireNonNull(db, "db");
    bind(db, db.capability().backend(), "toasty", Db::transactionStats, Db::transactionTimes,
        registry);
  }

  /**
   * Registers the meters of another manager's transactions on a {@code Db}'s database (the
   * Spring starters' {@code manager=spring}), read from {@code source} when the registry is
   * scraped. The registry holds {@code source} weakly, as it holds a {@code Db}: keep it.
   *
   * @param source  what the figures are read from
   * @param backend the backend's name ({@code db.capability().backend()})
   * @param manager the {@code manager} tag's value
   * @param stats   the counts, read from {@code source}
   * @param times   the times behind them, read from {@code source}
   */
  public static <T> void bind(T source, String backend, String manager,
      Function<T, TxStats> stats, Function<T, TxTimes> times, MeterRegistry registry) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(registry, "registry");
    FunctionCounter.builder(NAME + ".begun", source, s -> stats.apply(s).begun())
        .tag("db.backend", backend)
        .tag(MANAGER_TAG, manager)
        .description("transactions begun")
        .register(registry);
    OutcomeTimers<T> ended = new OutcomeTimers<>(registry, source, backend, manager, stats, times);
    ended.register("committed", TxStats::committed, TxTimes::committed);
    ended.register("rolled_back", TxStats::rolledBack, TxTimes::rolledBack);
    ended.register("cancelled", TxStats::cancelled, TxTimes::cancelled);
    ended.register("commit_unknown", TxStats::commitOutcomeUnknown,
        TxTimes::commitOutcomeUnknown);
    Gauge.builder(NAME + ".active", source, s -> stats.apply(s).active())
        .tag("db.backend", backend)
        .tag(MANAGER_TAG, manager)
        .description("transactions begun and not yet ended")
        .register(registry);
    FunctionCounter.builder(NAME + ".cleanup.failures", source,
            s -> stats.apply(s).failedCleanups())
        .tag("db.backend", backend)
        .tag(MANAGER_TAG, manager)
        .description("rollbacks and connection releases of transactions that failed")
        .register(registry);
  }

  /** The timers of ended transactions, one per outcome, of one source. */
  private record OutcomeTimers<T>(MeterRegistry registry, T source, String backend, String manager,
      Function<T, TxStats> stats, Function<T, TxTimes> times) {
    void register(String outcome, ToLongFunction<TxStats> count,
        Function<TxTimes, Duration> time) {
      FunctionTimer.builder(NAME, source, s -> count.applyAsLong(stats.apply(s)),
              s -> time.apply(times.apply(s)).toNanos(), TimeUnit.NANOSECONDS)
          .tag("db.backend", backend)
          .tag(MANAGER_TAG, manager)
          .tag("outcome", outcome)
          .description("transactions ended, by outcome, and their time from BEGIN to the end")
          .register(registry);
    }
  }
}
