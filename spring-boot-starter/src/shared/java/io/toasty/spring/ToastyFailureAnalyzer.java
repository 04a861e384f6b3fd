package io.toasty.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because of Toasty's configuration: no database, an unknown
 * URL, a missing R2DBC driver, models that do not match the database, a broken model index, or
 * a migration that failed, changed after it was applied, or would lose data (naming its version
 * and step), or a schema reset asked of a database outside the JVM's memory.
 */
public final class ToastyFailureAnalyzer
    extends AbstractFailureAnalyzer<ToastyConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ToastyConfigurationException cause) {
    String action = cause.problem() == ToastyConfigurationException.Problem.MIGRATION
        ? MigrationAdvice.of(cause.getCause()) : cause.problem().action();
    return new FailureAnalysis("Toasty could not start: " + cause.getMessage(), action, cause);
  }
}
