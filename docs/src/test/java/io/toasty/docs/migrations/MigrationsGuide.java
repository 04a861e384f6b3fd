package io.toasty.docs.migrations;

import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
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

  /** Undoes V2. */
  static List<Integer> rollBack(Db db, Path dir) {
    // snippet: migrations-rollback
    List<Integer> undone = Migrator.of(db, dir).rollback(1).block();   // [2]
    // end-snippet
    return undone;
  }
}
