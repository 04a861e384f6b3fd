package io.toasty.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.toasty.reactive.observe.LoggingObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The lines of the {@code io.toasty.statement} logger at DEBUG, each with the MDC's
 * {@code traceId} and {@code spanId} as they were when it was written (Logback reads an event's
 * MDC lazily, so they are read here, on the writing thread). Closing it detaches it.
 */
final class StatementLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  /** A line, and the trace and span ids in the MDC when it was written (null: none). */
  record Line(String message, String traceId, String spanId) {}

  final List<Line> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingObserver.LOGGER);
  private final Level before = logger.getLevel();

  private StatementLog() {}

  /** Captures the statement lines from now on. */
  static StatementLog capture() {
    StatementLog log = new StatementLog();
    log.setContext(log.logger.getLoggerContext());
    log.start();
    log.logger.addAppender(log);
    log.logger.setLevel(Level.DEBUG);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    lines.add(new Line(event.getFormattedMessage(), mdc.get("traceId"), mdc.get("spanId")));
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    logger.setLevel(before);
    stop();
  }
}
