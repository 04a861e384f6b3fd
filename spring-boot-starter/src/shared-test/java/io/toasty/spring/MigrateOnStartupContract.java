package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.migrate.ChecksumMismatchException;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.MigrationFailedException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.reactive.Db;
import io.toasty.schema.Schema;
import io.toasty.spring.ToastyConfigurationException.Problem;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Labels;
import io.toasty.spring.app.Notes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code toasty.schema=migrate}: the pending migrations are applied before the application
 * serves, from a folder on disk or from a jar on the class path; a migration that changed after
 * it was applied, one that fails, or no migrations at all stop the start-up, and the failure
 * analysis names the version and the step. One subclass per database.
 */
abstract class MigrateOnStartupContract {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  @TempDir
  Path tmp;

  private String name;
  private String url;

  abstract Backend backend();

  /** The property that points the application at the database {@code url}. */
  String databaseProperty(String url) {
    return "spring.r2dbc.url=" + url;
  }

  /** The backend's folder of migrations, as MigrationGenerator names it. */
  private String folder() {
    return backend() == Backend.H2 ? "h2" : backend() == Backend.POSTGRESQL ? "postgresql"
        : "mariadb";
  }

  @BeforeEach
  void createDatabase() {
    name = Backend.randomName();
    url = backend().create(name);
  }

  @AfterEach
  void dropDatabase() {
    backend().drop(name);
  }

  private static Schema models() {
    return Schema.of(List.of(Authors.MODEL.schema(), Articles.MODEL.schema(),
        Labels.MODEL.schema(), Notes.MODEL.schema()));
  }

  /** The migrations of the test models, generated into {@code dir}: version 1. */
  private static Path generated(Path dir) {
    assertThat(MigrationGenerator.of(dir).generate(models(), "create tables")).contains(1);
    return dir;
  }

  private ApplicationContextRunner migrating(String location) {
    return runner.withPropertyValues(databaseProperty(url), "toasty.schema=migrate",
        "toasty.migrations.location=" + location);
  }

  private static List<HistoryRow> history(Db db, Path dir) {
    return Migrator.of(db, new MigrationDirectory(dir)).history().block(Duration.ofSeconds(60));
  }

  @Test
  void appliesTheMigrationsOfAFolderOnDiskAtStartUp() {
    Path dir = generated(tmp.resolve("migrations"));
    migrating(dir.toString()).run(context -> {
      assertThat(context).hasNotFailed();
      Db db = context.getBean(Db.class);
      assertThat(Authors.create().name("a").email("a@x.org").exec(db).block().id()).isPositive();
      assertThat(history(db, dir)).extracting(HistoryRow::version, HistoryRow::complete)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true));
    });
    // a second start finds nothing to do; file: locations are read too
    migrating("file:" + dir).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(history(context.getBean(Db.class), dir)).hasSize(1);
      assertThat(Authors.filterByEmail("a@x.org").stream(context.getBean(Db.class)).count()
          .block()).isEqualTo(1);
    });
  }

  @Test
  void appliesTheMigrationsOfAJarOnTheClassPath() throws IOException {
    Path dir = generated(tmp.resolve("generated"));
    Path jar = tmp.resolve("migrations.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(dir)) {
      // as a build packages src/main/resources: a directory entry for each folder
      for (Path f : files.sorted().toList()) {
        String entry = "db/migration/" + dir.relativize(f).toString().replace('\\', '/');
        if (Files.isDirectory(f)) {
          out.putNextEntry(new JarEntry(entry.endsWith("/") ? entry : entry + "/"));
        } else {
          out.putNextEntry(new JarEntry(entry));
          out.write(Files.readAllBytes(f));
        }
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        getClass().getClassLoader())) {
      // the default location: classpath:db/migration
      runner.withClassLoader(loader)
          .withPropertyValues(databaseProperty(url), "toasty.schema=migrate")
          .run(context -> {
            assertThat(context).hasNotFailed();
            Db db = context.getBean(Db.class);
            assertThat(Authors.create().name("j").email("j@x.org").exec(db).block().id())
                .isPositive();
            assertThat(history(db, dir)).extracting(HistoryRow::version).containsExactly(1);
          });
    }
  }

  @Test
  void aMigrationChangedAfterItWasAppliedStopsTheStartUp() throws IOException {
    Path dir = generated(tmp.resolve("migrations"));
    migrating(dir.toString()).run(context -> assertThat(context).hasNotFailed());
    Path v1 = dir.resolve(folder()).resolve("V1__create_tables.sql");
    Files.writeString(v1, Files.readString(v1) + "\n-- an edit after the fact\n");
    FailureAnalysis analysis = analysisOf(migrating(dir.toString()),
        ChecksumMismatchException.class);
    assertThat(analysis.getDescription()).contains("V1__create_tables", "checksum",
        dir.toString());
    assertThat(analysis.getAction()).contains("Migration V1 was changed after it was applied",
        "new migration");
  }

  @Test
  void aFailingStepStopsTheStartUpNamingItsVersionAndStep() throws IOException {
    Path dir = generated(tmp.resolve("migrations"));
    Path backend = dir.resolve(folder());
    Files.writeString(backend.resolve("V2__broken.sql"), "-- Toasty migration V2: broken\n\n"
        + "-- step 1: create table extra\nCREATE TABLE extra (id INT PRIMARY KEY);\n\n"
        + "-- step 2: insert into a table that does not exist\n"
        + "INSERT INTO no_such_table VALUES (1);\n", StandardCharsets.UTF_8);
    Files.writeString(backend.resolve("U2__broken.sql"), "-- undo of V2\n\n"
        + "-- step 1: drop table extra\nDROP TABLE extra;\n", StandardCharsets.UTF_8);
    FailureAnalysis analysis = analysisOf(migrating(dir.toString()),
        MigrationFailedException.class);
    assertThat(analysis.getDescription()).contains("V2__broken failed at step 2",
        "insert into a table that does not exist");
    assertThat(analysis.getAction()).contains("Migration V2 failed at step 2");
    // V1 went in before V2 failed; the application never started, and a later start resumes
    runner.withPropertyValues(databaseProperty(url)).run(context -> {
      List<HistoryRow> rows = history(context.getBean(Db.class), dir);
      assertThat(rows.get(0)).extracting(HistoryRow::version, HistoryRow::complete)
          .containsExactly(1, true);
      assertThat(rows).noneMatch(r -> r.version() == 2 && r.complete());
    });
  }

  @Test
  void noMigrationsForTheBackendStopsTheStartUp() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    FailureAnalysis analysis = analysisOf(migrating(empty.toString()), MigrationException.class);
    assertThat(analysis.getDescription()).contains("no migrations in " + empty + "/" + folder());
    analysis = analysisOf(migrating("classpath:no/such/folder"), MigrationException.class);
    assertThat(analysis.getDescription()).contains("classpath:no/such/folder/" + folder());
  }

  /** The start-up's failure, caused by {@code cause}, as the analyzer explains it. */
  private static FailureAnalysis analysisOf(ApplicationContextRunner runner,
      Class<? extends MigrationException> cause) {
    Throwable[] failure = new Throwable[1];
    runner.run(context -> failure[0] = context.getStartupFailure());
    assertThat(failure[0]).as("start-up failure").isNotNull();
    ToastyConfigurationException config = null;
    for (Throwable t = failure[0]; t != null; t = t.getCause()) {
      if (t instanceof ToastyConfigurationException e) {
        config = e;
      }
    }
    assertThat(config).as("ToastyConfigurationException in " + failure[0]).isNotNull();
    assertThat(config.problem()).isEqualTo(Problem.MIGRATION);
    assertThat(config.getCause()).isInstanceOf(cause);
    FailureAnalysis analysis = new ToastyFailureAnalyzer().analyze(failure[0]);
    assertThat(analysis).isNotNull();
    return analysis;
  }
}
