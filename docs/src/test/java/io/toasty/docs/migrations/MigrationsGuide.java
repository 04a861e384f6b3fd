package io.toasty.docs.migrations;

import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.files.ClasspathMigrations;
import io.toasty.migrate.apply.MigrationStatus;
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

  /** Undoes V2. */
  static List<Integer> rollBack(Db db, Path dir) {
    // snippet: migrations-rollback
    List<Integer> undone = Migrator.of(db, dir).rollback(1).block();   // [2]
    // end-snippet
    return undone;
  }
}
