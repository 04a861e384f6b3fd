package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Note;
import io.toasty.spring.app.Notes;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With Actuator's observation and metrics auto-configuration, each statement is one
 * {@code toasty.statement} observation, so one timer sample tagged by model and operation, and
 * the pool's gauges are in the registry. One subclass per database; each test starts a context
 * of its own, so its registry counts its statements only.
 */
abstract class ObservabilityContract extends DatabaseContract {

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Boot.OBSERVATION_AND_METRICS))
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
            ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class,
            ToastyMetricsAutoConfiguration.class))
        .withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=3",
            "toasty.schema=push");
  }

  @Test
  void everyStatementIsATimedObservationAndThePoolHasGauges() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Note n = Notes.create().text("observed").exec(db).block();
      Notes.getById(db, n.id()).block();
      Notes.getById(db, n.id()).block();
      timed(() -> {
        assertThat(meters.get("toasty.statement").tag("db.model", "Note")
            .tag("db.operation", "insert").tag("db.backend", backend().toastyName()).timer()
            .count()).isEqualTo(1);
        assertThat(meters.get("toasty.statement").tag("db.model", "Note")
            .tag("db.operation", "select").timer().count()).isEqualTo(2);
      });
      assertThat(meters.get("toasty.pool.max").gauge().value()).isEqualTo(3.0);
      // a transaction holds a connection, and the gauge shows it (a single statement's goes
      // back to the pool after its result, on a network database a moment later)
      Double held = db.transactionMono(tx -> Notes.getById(tx, n.id())
          .map(x -> meters.get("toasty.pool.acquired").gauge().value())).block();
      assertThat(held).isGreaterThanOrEqualTo(1.0);
    });
  }

  /**
   * With a {@code MeterRegistry} and no {@code ObservationRegistry} (Micrometer without
   * Actuator's observation auto-configuration), the Db times each statement in the registry
   * itself: a {@code toasty.statement} timer by model, operation and outcome.
   */
  @Test
  void aMeterRegistryAloneTimesEveryStatement() {
    new ApplicationContextRunner()
        .withBean(MeterRegistry.class, io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
            ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class))
        .withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=3",
            "toasty.schema=push")
        .run(context -> {
          assertThat(context.getBeanProvider(io.micrometer.observation.ObservationRegistry.class)
              .getIfAvailable()).isNull();
          Db db = context.getBean(Db.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Note n = Notes.create().text("timed").exec(db).block();
          Notes.getById(db, n.id()).block();
          timed(() -> {
            assertThat(meters.get("toasty.statement").tag("model", "Note")
                .tag("operation", "insert").tag("outcome", "success").timer().count())
                .isEqualTo(1);
            assertThat(meters.get("toasty.statement").tag("model", "Note")
                .tag("operation", "select").timer().count()).isEqualTo(1);
          });
        });
  }

  /**
   * {@code assertions}, once they hold (a hang guard of 20 s, not a timing assertion): a
   * statement is timed when it ends, and a get's statement ends a moment after its record came
   * (the record is told at its row); a meter not made yet is not found until then.
   */
  private static void timed(ThrowingRunnable assertions) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .untilAsserted(assertions);
  }

  @Test
  void failedStatementsAreTaggedWithTheirError() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Note n = Notes.create().text("once").exec(db).block();
      Notes.create().id(n.id()).text("twice").exec(db).onErrorResume(e -> reactor.core
          .publisher.Mono.empty()).block();
      assertThat(meters.get("toasty.statement").tag("db.operation", "insert")
          .tag("error", "UniqueViolationException").timer().count()).isEqualTo(1);
    });
  }
}
