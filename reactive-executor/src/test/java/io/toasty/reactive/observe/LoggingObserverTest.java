package io.toasty.reactive.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import reactor.util.context.Context;

/** The log lines of LoggingObserver: DEBUG per statement, WARN when slow, never a value. */
class LoggingObserverTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  /** What a tracer's handler would have put in the MDC on the logging thread. */
  private final ThreadLocal<String> trace = new ThreadLocal<>();
  private final StatementInfo info = new StatementInfo("postgresql", "User", "select",
      "select User where email = $0", false);

  @Test
  void aStatementIsOneDebugLineWithShapeAndRows() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.DEBUG), Duration.ofHours(1));
    o.start(info, Context.empty()).end(3, null, false);
    assertEquals(1, lines.size());
    String line = lines.get(0);
    assertTrue(line.startsWith("DEBUG done [postgresql] select User where email = $0 in "), line);
    assertTrue(line.endsWith(" ms, 3 rows"), line);
  }

  @Test
  void valuesShowOnlyWhenTheInfoOffersThem() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.DEBUG), Duration.ofHours(1));
    o.start(info, Context.empty()).end(1, null, false);
    StatementInfo withValues = new StatementInfo("h2", "User", "select",
        () -> "select User where email = $0 and password = $1", false,
        () -> "$0 = \"ann@example.com\", $1 = ***", null);
    o.start(withValues, Context.empty()).end(1, null, false);
    assertFalse(lines.get(0).contains("$0 ="), lines.get(0));
    assertTrue(lines.get(1).startsWith("DEBUG done [h2] select User where email = $0 and "
        + "password = $1 [$0 = \"ann@example.com\", $1 = ***] in "), lines.get(1));
  }

  @Test
  void aCompiledPlanShowsItsPhases() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.DEBUG), Duration.ofHours(1));
    Map<String, Long> phases = new LinkedHashMap<>();
    phases.put("verify", 12_000L);
    phases.put("lower", 2_500_000L);
    StatementInfo compiled = new StatementInfo("h2", "User", "select", () -> "select User",
        false, null, () -> phases);
    o.start(compiled, Context.empty()).end(1, null, false);
    assertTrue(lines.get(0).contains(" ms (planned: verify 0.012, lower 2.500 ms), 1 row"),
        lines.get(0));
  }

  @Test
  void aSlowStatementIsAWarningEvenWithDebugOff() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.WARN), Duration.ZERO);
    o.start(info, Context.empty()).end(0, new IllegalStateException("secret value"), false);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("WARN slow [postgresql]"), lines.get(0));
    assertTrue(lines.get(0).endsWith("failed: IllegalStateException"), lines.get(0));
    assertFalse(lines.get(0).contains("secret value"), "an error's message may hold a value");
  }

  @Test
  void nothingIsLoggedWhenTheLevelIsOff() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.WARN), Duration.ofHours(1));
    o.start(info, Context.empty()).end(1, null, true);
    assertEquals(List.of(), lines);
  }

  @Test
  void theShapeIsNotPrintedForALineNotWritten() {
    AtomicInteger printed = new AtomicInteger();
    StatementInfo lazy = new StatementInfo("h2", "User", "select", () -> {
      printed.incrementAndGet();
      return "select User";
    }, false);
    new LoggingObserver(new Captured(Level.WARN), Duration.ofHours(1))
        .start(lazy, Context.empty()).end(1, null, false);
    assertEquals(0, printed.get());
  }

  @Test
  void aCancelAfterTheRowsIsSaid() {
    LoggingObserver o = new LoggingObserver(new Captured(Level.DEBUG), Duration.ofHours(1));
    o.start(info, Context.empty()).end(1, null, true);
    assertTrue(lines.get(0).endsWith(" ms, 1 row, then cancelled"), lines.get(0));
  }

  /**
   * A line is written with the caller's observation (the subscriber's context's) in scope, on
   * the thread that ends the statement: a tracer's handler then has its trace in the MDC. The
   * handler here stands for it, putting the observation's name where the line sees it.
   */
  @Test
  void aLineIsWrittenInTheCallersScope() throws InterruptedException {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override public void onScopeOpened(Observation.Context context) {
        trace.set(context.getName());
      }

      @Override public void onScopeClosed(Observation.Context context) {
        trace.remove();
      }
    });
    Observation request = Observation.start("http.server.requests", registry);
    LoggingObserver o = new LoggingObserver(new Captured(Level.DEBUG), Duration.ofHours(1));
    StatementObservation started = o.start(info,
        Context.of(ObservationThreadLocalAccessor.KEY, request));
    Thread driver = new Thread(() -> started.end(1, null, false)); // the driver's thread
    driver.start();
    driver.join();
    o.start(info, Context.empty()).end(1, null, false);
    request.stop();
    assertTrue(lines.get(0).endsWith(" 1 row {in http.server.requests}"), lines.get(0));
    assertTrue(lines.get(1).endsWith(" 1 row"), "no caller, no scope: " + lines.get(1));
    assertNull(trace.get(), "the scope is closed after the line");
  }

  /** A logger that keeps its lines, enabled from {@code level} up. */
  private final class Captured extends AbstractLogger {
    private final Level level;

    Captured(Level level) {
      this.level = level;
      this.name = "test";
    }

    private boolean on(Level l) {
      return l.toInt() >= level.toInt();
    }

    @Override protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override protected void handleNormalizedLoggingCall(Level l, Marker marker, String msg,
        Object[] args, Throwable t) {
      String scope = trace.get();
      lines.add(l + " " + MessageFormatter.basicArrayFormat(msg, args)
          + (scope == null ? "" : " {in " + scope + "}"));
    }

    @Override public boolean isTraceEnabled() {
      return on(Level.TRACE);
    }

    @Override public boolean isTraceEnabled(Marker marker) {
      return on(Level.TRACE);
    }

    @Override public boolean isDebugEnabled() {
      return on(Level.DEBUG);
    }

    @Override public boolean isDebugEnabled(Marker marker) {
      return on(Level.DEBUG);
    }

    @Override public boolean isInfoEnabled() {
      return on(Level.INFO);
    }

    @Override public boolean isInfoEnabled(Marker marker) {
      return on(Level.INFO);
    }

    @Override public boolean isWarnEnabled() {
      return on(Level.WARN);
    }

    @Override public boolean isWarnEnabled(Marker marker) {
      return on(Level.WARN);
    }

    @Override public boolean isErrorEnabled() {
      return true;
    }

    @Override public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
