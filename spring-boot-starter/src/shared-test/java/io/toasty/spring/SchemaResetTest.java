package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.reactive.Db;
import io.toasty.spring.ToastyConfigurationException.Problem;
import io.toasty.spring.app.Authors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code toasty.schema=reset}: the models' tables dropped and created again at start, on a
 * database in this JVM's memory; refused with an explanation on any other unless
 * {@code toasty.force-schema-reset=true}, and then nothing is dropped.
 */
class SchemaResetTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  @Test
  void resetEmptiesAnInMemoryDatabaseAtStart() {
    String url = "spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
        + "?options=DB_CLOSE_DELAY=-1";
    runner.withPropertyValues(url, "toasty.schema=push").run(first -> {
      create(first.getBean(Db.class), "kept@reset");
      assertThat(count(first.getBean(Db.class))).isEqualTo(1);
    });
    runner.withPropertyValues(url, "toasty.schema=reset").run(second -> {
      assertThat(second).hasNotFailed();
      Db db = second.getBean(Db.class);
      assertThat(count(db)).isZero();
      create(db, "again@reset"); // the tables and their unique index are there again
      assertThat(count(db)).isEqualTo(1);
    });
  }

  @Test
  void resetIsRefusedOnPostgresAndDropsNothing() {
    String name = Backend.randomName();
    String url = "spring.r2dbc.url=" + Backend.POSTGRESQL.create(name);
    try {
      runner.withPropertyValues(url, "toasty.schema=push")
          .run(first -> create(first.getBean(Db.class), "kept@reset"));
      runner.withPropertyValues(url, "toasty.schema=reset").run(refused -> {
        Throwable failure = refused.getStartupFailure();
        assertThat(failure).as("start-up failure").isNotNull();
        FailureAnalysis analysis = new ToastyFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("toasty.schema=reset", "postgresql")
            .doesNotContain(name);
        assertThat(analysis.getAction()).contains("toasty.force-schema-reset=true");
        assertThat(problemOf(failure)).isEqualTo(Problem.SCHEMA_RESET_REFUSED);
      });
      runner.withPropertyValues(url, "toasty.schema=none")
          .run(after -> assertThat(count(after.getBean(Db.class))).isEqualTo(1));
      runner.withPropertyValues(url, "toasty.schema=reset", "toasty.force-schema-reset=true")
          .run(forced -> {
            assertThat(forced).hasNotFailed();
            assertThat(count(forced.getBean(Db.class))).isZero();
          });
    } finally {
      Backend.POSTGRESQL.drop(name);
    }
  }

  @Test
  void anH2FileIsNotDisposable() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:file:///./target/" + Backend.randomName(),
        "toasty.schema=reset").run(refused -> assertThat(
            problemOf(refused.getStartupFailure())).isEqualTo(Problem.SCHEMA_RESET_REFUSED));
  }

  @Test
  void whichDatabasesAreDisposable() {
    String temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
        .resolve("app.db").toString();
    assertThat(DisposableDatabase.is("r2dbc:h2:mem:///blog?options=DB_CLOSE_DELAY=-1")).isTrue();
    assertThat(DisposableDatabase.is("r2dbc:pool:h2:mem:///blog")).isTrue();
    assertThat(DisposableDatabase.is("r2dbc:sqlite:mem:///blog")).isTrue();
    assertThat(DisposableDatabase.is("r2dbc:sqlite:///:memory:")).isTrue();
    assertThat(DisposableDatabase.is("r2dbc:sqlite:///" + temp)).isTrue();
    assertThat(DisposableDatabase.is("r2dbc:h2:file:///./data/blog")).isFalse();
    assertThat(DisposableDatabase.is("r2dbc:h2:tcp://db:9092/blog")).isFalse();
    assertThat(DisposableDatabase.is("r2dbc:sqlite:///blog.db")).isFalse();
    assertThat(DisposableDatabase.is("r2dbc:sqlite:///" + temp + "/../../etc/app.db")).isFalse();
    assertThat(DisposableDatabase.is("r2dbc:postgresql://app@db:5432/app")).isFalse();
    assertThat(DisposableDatabase.is("r2dbc:mysql://root@db:3306/app")).isFalse();
    assertThat(DisposableDatabase.is("dynamodb://?region=eu-west-1")).isFalse();
    assertThat(DisposableDatabase.is(null)).isFalse();
  }

  private static Problem problemOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ToastyConfigurationException e) {
        return e.problem();
      }
    }
    return null;
  }

  private static void create(Db db, String email) {
    Authors.create().name("n").email(email).exec(db).block();
  }

  private static long count(Db db) {
    return Authors.all().stream(db).count().block();
  }
}
