package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.tck.LogLeakWatch;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs {@link RedactionScenarios} on this build's backends with every logger of the JVM at TRACE,
 * and fails if a log line (message, arguments, stack traces) holds a secret: every secret the
 * scenarios use starts with {@code hunter2-}. The library's own loggers must show none. The
 * database drivers' and the AWS SDK's own debug and trace loggers print bound values and wire
 * data, which no library above them can mask: docs/operations.md lists them (keep them at INFO
 * in production), and they are the only loggers allowed to show a secret here.
 */
class RedactionTest extends RedactionScenarios {
  /** Loggers of other projects that print values at DEBUG or TRACE (docs/operations.md). */
  static final List<String> DRIVER_LOGGERS = List.of(
      "io.r2dbc.h2.",                          // SessionClient: statements with their values
      "io.r2dbc.postgresql.",                  // PARAM: bound values; client: protocol messages
      "io.asyncer.r2dbc.mysql.",               // QUERY: statements with values; client: packets
      "io.netty.handler.logging.LoggingHandler", // wire dumps where a client turns wiretap on
      "software.amazon.awssdk.",               // request bodies at TRACE
      "org.eclipse.jetty.");                   // DynamoDB Local's server, in the test JVM only

  private static LogLeakWatch watch;

  @BeforeAll
  static void traceEverything() {
    watch = LogLeakWatch.start("hunter2-");
  }

  @AfterAll
  static void noLineOfTheLibraryHeldASecret() {
    long statementLines = watch.lines("io.toasty.statement");
    List<String> leaks = watch.finish();
    // the scenarios log their statements with values (logValues): those lines were watched
    assertTrue(statementLines > 0, "no statement was logged: the watch saw nothing");
    List<String> ours = leaks.stream()
        .filter(l -> DRIVER_LOGGERS.stream().noneMatch(p -> l.contains(" " + p)))
        .toList();
    assertEquals(List.of(), ours, ours.size() + " log lines hold a secret");
  }
}
