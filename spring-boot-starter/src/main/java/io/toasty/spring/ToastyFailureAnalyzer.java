package io.toasty.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because of Toasty's configuration: no database, an unknown
 * URL, a missing R2DBC driver, models that do not match the database, or a broken model index.
 */
public final class ToastyFailureAnalyzer
    extends AbstractFailureAnalyzer<ToastyConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ToastyConfigurationException cause) {
    return new FailureAnalysis("Toasty could not start: " + cause.getMessage(),
        cause.problem().action(), cause);
  }
}
