package io.toasty.docs.migrations;

import io.toasty.driver.SchemaUpgrade;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.MigrationEvent;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.files.ClasspathMigrations;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.diff.Drift;
import io.toasty.migrate.diff.DriftReport;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The examples of {@code docs/migrations.md}, run by {@link MigrationsGuideTest}. */
final class MigrationsGuide {
  private MigrationsGuide() {}

  /** Generates V1 from the first version of the model. */
  static Optional<Integer> generateFirst(Path dir) {
    // snippet: migrations-generate-v1
    MigrationGenerator generator = MigrationGenerator.of(dir);
    Optional<Integer> v1 = generator.generate(
        Schema.of(List.of(io.toasty.docs.migrations.v1.Members.MODEL.schema())),
        "create members");
    // end-snippet
    return v1;
  }

  /** Generates V2 from the second version of the model. */
  static Optional<Integer> generateSecond(Path dir) {
    // snippet: migrations-generate-v2
    Optional<Integer> v2 = MigrationGenerator.of(dir).generate(
        Schema.of(List.of(io.toasty.docs.migrations.v2.Members.MODEL.schema())),
        "rename member name, add nickname and visits");
    // end-snippet
    return v2;
  }

  /** Opens the application's database and applies what is pending, at start-up. */
  static Db startUp(String url, Path dir) {
    // snippet: migrations-apply
    Db db = Toasty.builder()
        .models(io.toasty.docs.migrations.v2.Members.MODEL)
        .url(url)
        .build();
    List<Integer> applied = Migrator.of(db, dir).apply().block();   // e.g. [1, 2]
    // end-snippet
    return db;
  }

  /** Applies what is pending from the migrations packaged in the application's jar. */
  static List<Integer> fromTheClassPath(Db db) {
    // snippet: migrations-classpath
    List<Integer> applied = Migrator.of(db, ClasspathMigrations.of("db/migration"))
        .apply().block();
    // end-snippet
    return applied;
  }

  /**
   * What push adds to tables an older build made, then the push; answers what was left (on
   * SQLite, a CHECK or a foreign key: its statements rebuild the table).
   */
  static List<SchemaUpgrade> pushUpgrades(Db db) {
    // snippet: migrations-push-upgrades
    List<SchemaUpgrade> lacking = db.schema().upgrades().block();
    lacking.forEach(u -> System.out.println(u.describe() + ": " + u.statements()));
    // members: missing index members_nickname_idx (push adds it): [CREATE INDEX IF NOT ...]
    db.schema().push().block();   // adds what it can add in place
    List<SchemaUpgrade> left = db.schema().upgrades().block();   // what it cannot: run by hand
    // end-snippet
    return left;
  }

  /** Where the database stands: the history against the folder, and the drift. */
  static boolean upToDate(Db db, Path dir) {
    // snippet: migrations-status
    Migrator migrator = Migrator.of(db, dir);
    MigrationStatus status = migrator.status().block();
    status.in(MigrationStatus.State.PENDING)
        .forEach(m -> System.out.println("pending: " + m.label()));   // pending: V2__...
    DriftReport drift = migrator.drift(
        Schema.of(List.of(io.toasty.docs.migrations.v2.Members.MODEL.schema()))).block();
    drift.drifts().forEach(d -> System.out.println(d.describe()));
    // members.nickname is missing (CHARACTER VARYING expected)
    boolean upToDate = !status.hasPending() && !status.hasMismatch() && drift.clean();
    // end-snippet
    return upToDate;
  }

  /** Applies what is pending, writing each step to {@code log} as it goes. */
  static List<Integer> applyWithProgress(Db db, Path dir, List<String> log) {
    // snippet: migrations-progress
    Migrator migrator = Migrator.of(db, dir).onProgress(event -> {
      if (event instanceof MigrationEvent.StepStarted started) {
        log.add(started.at().migration() + " " + started.at().describe());
        // V2__rename_member_name_add_nickname_and_visits step 1/5: rename column ...
      } else if (event instanceof MigrationEvent.StillRunning running) {
        log.add("  still running after " + running.elapsed().toSeconds() + " s");
      } else if (event instanceof MigrationEvent.StepDone done) {
        log.add("  done in " + done.took().toMillis() + " ms");
      }
    });
    List<Integer> applied = migrator.apply().block();
    // end-snippet
    return applied;
  }

  /** The columns whose live default is not the model's. */
  static List<String> defaultDrift(Db db, Path dir) {
    // snippet: migrations-default-drift
    DriftReport drift = Migrator.of(db, dir).drift(
        Schema.of(List.of(io.toasty.docs.migrations.v2.Members.MODEL.schema()))).block();
    List<String> defaults = drift.drifts().stream()
        .filter(d -> d instanceof Drift.DefaultDiffers)
        .map(Drift::describe)
        .toList();   // [members.visits: default 0 expected, none in the database]
    // end-snippet
    return defaults;
  }

  /** Undoes V2. */
  static List<Integer> rollBack(Db db, Path dir) {
    // snippet: migrations-rollback
    List<Integer> undone = Migrator.of(db, dir).rollback(1).block();   // [2]
    // end-snippet
    return undone;
  }
}
