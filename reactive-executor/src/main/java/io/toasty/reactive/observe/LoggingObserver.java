package io.toasty.reactive.observe;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.ContextView;

/**
 * Logs each statement through SLF4J, logger {@code io.toasty.statement}: its shape, what the
 * driver sends for it in its backend's language ({@code => MATCH ..}, {@code => SELECT ..},
 * {@code => Query ..}, where the driver shows it), rows and time at DEBUG when it ends, and at WARN when it took longer than the threshold (a slow
 * statement), failures at DEBUG with their error's class. The shape holds slots, never values,
 * so no value reaches the log, unless the {@code Db} was built with {@code logValues(true)}:
 * then the line also shows the values by slot, a sensitive field's masked. A statement whose plan
 * was compiled for it (a plan-cache miss) also shows each planner phase's time. Nothing is
 * formatted unless the level is on.
 *
 * <p>Each line is written with the caller's Micrometer observation in scope (the one in the
 * subscriber's Reactor Context, as Spring WebFlux puts a request's there): with Micrometer Tracing
 * on the class path, the MDC then holds the caller's {@code traceId} and {@code spanId}, and a log
 * pattern that shows them (Spring Boot's does) ties each statement to its request's trace.
 */
public final class LoggingObserver implements StatementObserver {
  /** The logger's name. */
  public static final String LOGGER = "io.toasty.statement";
  private final Logger log;
  private final long slowNanos;

  /** Logs at DEBUG, and at WARN above {@code slow}. */
  public LoggingObserver(Duration slow) {
    this(LoggerFactory.getLogger(LOGGER), slow);
  }

  LoggingObserver(Logger log, Duration slow) {
    this.log = Objects.requireNonNull(log, "log");
    this.slowNanos = Objects.requireNonNull(slow, "slow").toNanos();
  }

  @Override
  public StatementObservation start(StatementInfo info, ContextView context) {
    long started = System.nanoTime();
    Object caller = CallerScope.of(context);
    return (rows, error, cancelled) -> {
      long took = System.nanoTime() - started;
      boolean slow = took > slowNanos;
      if (slow && log.isWarnEnabled()) {
        String line = line("slow", info, rows, took, error, cancelled);
        CallerScope.run(caller, () -> log.warn(line));
      } else if (log.isDebugEnabled()) {
        String line = line("done", info, rows, took, error, cancelled);
        CallerScope.run(caller, () -> log.debug(line));
      }
    };
  }

  private static String line(String kind, StatementInfo info, long rows, long nanos,
      @Nullable Throwable error, boolean cancelled) {
    // "cancelled" only when the cancel cut the result short (Observing)
    String end = error != null ? "failed: " + error.getClass().getSimpleName()
        : rows + (rows == 1 ? " row" : " rows") + (cancelled ? ", then cancelled" : "");
    String values = info.values().map(v -> v.isEmpty() ? "" : " [" + v + "]").orElse("");
    String sent = info.sent().map(t -> t.isEmpty() ? "" : " => " + t).orElse("");
    return String.format("%s [%s] %s%s%s in %.3f ms%s, %s%s", kind, info.backend(), info.shape(),
        sent, values, nanos / 1e6, planned(info.phases()), end,
        info.inTransaction() ? " (in transaction)" : "");
  }

  /** {@code " (planned: verify 0.012, simplify 0.004, ... ms)"}, or "" for a cached plan. */
  private static String planned(Map<String, Long> phases) {
    if (phases.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(" (planned: ");
    phases.forEach((phase, nanos) -> out.append(phase).append(' ')
        .append(String.format(Locale.ROOT, "%.3f", nanos / 1e6)).append(", "));
    out.setLength(out.length() - 2);
    return out.append(" ms)").toString();
  }
}
