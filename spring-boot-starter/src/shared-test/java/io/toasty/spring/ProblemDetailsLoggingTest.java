package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.toasty.error.DriverException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.UniqueViolationException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database's text, which a problem detail leaves out, is in the log: a 5xx at ERROR with
 * the exception and its cause, a 503 at WARN, a 4xx not above DEBUG.
 */
class ProblemDetailsLoggingTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(ToastyWebExceptionAdvice.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final ToastyWebExceptionAdvice advice = new ToastyWebExceptionAdvice();

  @BeforeEach
  void listen() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(events);
  }

  @Test
  void a500IsLoggedWithItsCause() {
    IllegalStateException cause = new IllegalStateException(
        "current transaction is aborted, commands ignored until end of transaction block");
    assertThat(advice.toasty(new DriverException("postgresql", "25P02", cause.getMessage(),
        cause)).getStatusCode().value()).isEqualTo(500);
    assertThat(events.list).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.ERROR);
      assertThat(e.getFormattedMessage()).contains("500", "database_error",
          "current transaction is aborted");
      assertThat(e.getThrowableProxy().getClassName()).isEqualTo(DriverException.class.getName());
      assertThat(e.getThrowableProxy().getCause().getMessage())
          .contains("current transaction is aborted");
    });
  }

  @Test
  void a503IsAWarningAndA409IsNotAnError() {
    advice.toasty(new PoolTimeoutException("postgresql", Duration.ofMillis(300), null));
    advice.toasty(new UniqueViolationException("User", "email", "User.email: taken", null));
    assertThat(events.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    assertThat(events.list).anyMatch(e -> e.getLevel() == Level.WARN
        && e.getFormattedMessage().contains("503"));
  }
}
