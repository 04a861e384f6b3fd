package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.spring.ToastyConfigurationException.Problem;
import io.toasty.spring.app.Authors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up failures that the FailureAnalyzer explains, each with its action. */
class FailureAnalyzerTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  @Test
  void anUnknownUrl() {
    FailureAnalysis analysis = analysisOf(runner.withPropertyValues(
        "toasty.url=r2dbc:mssql://sa@127.0.0.1:1433/app"), Problem.UNKNOWN_URL);
    assertThat(analysis.getDescription()).contains("toasty.url=r2dbc:mssql://");
    assertThat(analysis.getAction()).contains("r2dbc:postgresql:");
  }

  @Test
  void aMissingDriver() {
    // toasty-sqlite-bridge is not on this module's test class path
    FailureAnalysis analysis = analysisOf(runner.withPropertyValues(
        "toasty.url=r2dbc:sqlite:mem:///x"), Problem.MISSING_DRIVER);
    assertThat(analysis.getDescription()).contains("needs an R2DBC driver");
    assertThat(analysis.getAction()).contains("toasty-sqlite-bridge");
  }

  @Test
  void modelsThatDoNotMatchTheDatabase() {
    FailureAnalysis analysis = analysisOf(runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///"
        + Backend.randomName() + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=validate"),
        Problem.SCHEMA_MISMATCH);
    assertThat(analysis.getDescription()).contains("does not match the database");
    assertThat(analysis.getAction()).contains("toasty.schema=push");
  }

  @Test
  void validateAcceptsAPushedSchema() {
    String url = "spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
        + "?options=DB_CLOSE_DELAY=-1";
    runner.withPropertyValues(url, "toasty.schema=push").run(first -> {
      assertThat(first).hasNotFailed();
      runner.withPropertyValues(url, "toasty.schema=validate")
          .run(second -> assertThat(second).hasNotFailed());
    });
  }

  @Test
  void modelsThatDoNotFitTogether() {
    FailureAnalysis analysis = analysisOf(runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///"
        + Backend.randomName()).withBean(ToastyModels.class,
            () -> new ToastyModels(List.of(Authors.MODEL))), Problem.BAD_MODELS);
    assertThat(analysis.getDescription()).contains("Author.articles");
  }

  @Test
  void noDatabaseAtAll() {
    FailureAnalysis analysis = analysisOf(new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ToastyAutoConfiguration.class)),
        Problem.NO_DATABASE);
    assertThat(analysis.getAction()).contains("toasty.url");
  }

  private static FailureAnalysis analysisOf(ApplicationContextRunner runner, Problem expected) {
    Throwable[] failure = new Throwable[1];
    runner.run(context -> failure[0] = context.getStartupFailure());
    assertThat(failure[0]).as("start-up failure").isNotNull();
    ToastyConfigurationException cause = find(failure[0]);
    assertThat(cause).as("ToastyConfigurationException in " + failure[0]).isNotNull();
    assertThat(cause.problem()).isEqualTo(expected);
    FailureAnalysis analysis = new ToastyFailureAnalyzer().analyze(failure[0]);
    assertThat(analysis).isNotNull();
    return analysis;
  }

  private static ToastyConfigurationException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ToastyConfigurationException e) {
        return e;
      }
    }
    return null;
  }
}
