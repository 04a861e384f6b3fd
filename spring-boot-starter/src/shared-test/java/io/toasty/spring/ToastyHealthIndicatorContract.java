package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The health indicator makes a round trip through the Db, and reports a database it cannot
 * reach. One subclass per database.
 */
abstract class ToastyHealthIndicatorContract extends DatabaseContract {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyAutoConfiguration.class, ToastyHealthAutoConfiguration.class));

  @Test
  void upAfterARoundTrip() {
    runner.withPropertyValues("spring.r2dbc.url=" + url())
        .run(context -> {
          var health = context.getBean(ToastyHealthIndicator.class).health().block();
          assertThat(health.getStatus().getCode()).isEqualTo("UP");
          assertThat(health.getDetails()).containsEntry("backend", backend().toastyName())
              .containsEntry("models", 8).containsKey("latencyMillis")
              .containsKey("poolMaxSize").containsEntry("poolAcquired", 0);
        });
  }

  @Test
  void downWhenTheDatabaseIsGone() {
    runner.withPropertyValues("spring.r2dbc.url=" + url())
        .run(context -> {
          ((ConnectionPool) context.getBean(ConnectionFactory.class)).dispose();
          var health = context.getBean(ToastyHealthIndicator.class).health().block();
          assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
          assertThat(health.getDetails()).containsKey("error");
        });
  }
}
