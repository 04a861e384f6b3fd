package io.toasty.docs.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.migrations.v2.Member;
import io.toasty.docs.migrations.v2.Members;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.reactive.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the walk of docs/migrations.md on H2: generate V1 and V2, apply, use, roll back. */
class MigrationsGuideTest {

  @Test
  void theGuideRunsAsWritten(@TempDir Path dir) throws Exception {
    assertEquals(Optional.of(1), MigrationsGuide.generateFirst(dir));
    assertEquals(Optional.of(2), MigrationsGuide.generateSecond(dir));
    assertTrue(Files.exists(dir.resolve("postgresql/V2__rename_member_name_add_nickname_and_visits.sql")));
    String h2 = Files.readString(dir.resolve("h2/V2__rename_member_name_add_nickname_and_visits.sql"));
    assertTrue(h2.contains("RENAME COLUMN \"name\" TO \"display_name\""), h2);

    Db db = MigrationsGuide.startUp("r2dbc:h2:mem:///migrations-guide", dir);
    try {
      assertEquals(List.of(1, 2), Migrator.of(db, dir).history().block().stream()
          .map(HistoryRow::version).toList());
      Member ann = Members.create().id("a").displayName("Ann").age(42).exec(db).block();
      assertEquals(0, ann.visits());
      assertEquals(List.of(2), MigrationsGuide.rollBack(db, dir));
      assertEquals(List.of(2), Migrator.of(db, dir).apply().block());
      assertEquals(List.of(ann), Members.all().collect(db).block());
    } finally {
      db.close().block();
    }
  }
}
