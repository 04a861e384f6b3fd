package io.toasty.tck;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * While on, every logger of this JVM logs at TRACE into a watch that keeps each line (message,
 * arguments and stack traces) holding {@code marker}; the console still shows INFO and up only.
 * Lines are checked as they come, never stored otherwise, so a chatty TRACE (a wire dump of a
 * 10 MB value from a test running alongside) costs no memory.
 */
public final class LogLeakWatch extends AppenderBase<ILoggingEvent> {
  private final String marker;
  private final List<String> leaks = new ArrayList<>();
  private final Map<Logger, Level> before = new HashMap<>();
  private final Map<String, Long> lines = new HashMap<>();

  private LogLeakWatch(String marker) {
    this.marker = marker;
  }

  /** Turns every logger to TRACE and watches for {@code marker}. */
  public static LogLeakWatch start(String marker) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogLeakWatch watch = new LogLeakWatch(marker);
    watch.setContext(context);
    watch.setName("leak-watch");
    watch.start();
    for (Logger logger : context.getLoggerList()) {
      watch.before.put(logger, logger.getLevel());
      if (logger.getLevel() != null) {
        logger.setLevel(Level.TRACE); // a logger with its own level would not inherit root's
      }
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.TRACE);
    root.addAppender(watch);
    return watch;
  }

  /** Stops watching and restores the levels; the lines that held the marker, by logger. */
  public synchronized List<String> finish() {
    LoggerContext context = (LoggerContext) getContext();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    before.forEach(Logger::setLevel);
    super.stop();
    return List.copyOf(leaks);
  }

  /** How many lines logger {@code name} wrote while watched: proof that its level was on. */
  public synchronized long lines(String name) {
    return lines.getOrDefault(name, 0L);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    lines.merge(event.getLoggerName(), 1L, Long::sum);
    String text = String.valueOf(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      text += "\n" + ThrowableProxyUtil.asString(thrown); // with its causes
    }
    int at = text.indexOf(marker);
    if (at >= 0) {
      // the line around the secret, not a whole wire dump
      String around = text.substring(Math.max(0, at - 150), Math.min(text.length(), at + 150));
      leaks.add(event.getLevel() + " " + event.getLoggerName() + " - ..." + around + "...");
    }
  }
}
