package io.toasty.docs.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.migrations.v2.Member;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.docs.migrations.v2.Members;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
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
      assertTrue(MigrationsGuide.upToDate(db, dir));
      assertEquals(List.of(2), MigrationsGuide.rollBack(db, dir));
      assertFalse(MigrationsGuide.upToDate(db, dir), "V2 pending, the models ahead");
      List<String> log = new ArrayList<>();
      assertEquals(List.of(2), MigrationsGuide.applyWithProgress(db, dir, log));
      List<String> steps = log.stream().filter(l -> !l.startsWith("  ")).toList();
      assertEquals(List.of(
          "V2__rename_member_name_add_nickname_and_visits step 1/5: rename column "
              + "members.name to display_name",
          "V2__rename_member_name_add_nickname_and_visits step 2/5: add column members.nickname",
          "V2__rename_member_name_add_nickname_and_visits step 3/5: add column members.visits",
          "V2__rename_member_name_add_nickname_and_visits step 4/5: alter column members.age "
              + "(I32 NOT NULL -> I64 NOT NULL)",
          "V2__rename_member_name_add_nickname_and_visits step 5/5: create index "
              + "members_nickname_idx"), steps);
      assertEquals(5, log.stream().filter(l -> l.startsWith("  done in ")).count(), log.toString());
      assertEquals(List.of(ann), Members.all().collect(db).block());

      // The default dropped behind the migrations' back: the drift says so.
      assertEquals(List.of(), MigrationsGuide.defaultDrift(db, dir));
      db.sql("ALTER TABLE \"members\" ALTER COLUMN \"visits\" DROP DEFAULT").execute().block();
      assertEquals(List.of("members.visits: default 0 expected, none in the database"),
          MigrationsGuide.defaultDrift(db, dir));
      assertFalse(MigrationsGuide.upToDate(db, dir));
    } finally {
      db.close().block();
    }
  }

  /**
   * A table an older build made without the index the models now declare: push reports it, adds
   * it, and then reports nothing.
   */
  @Test
  void pushAddsTheIndexAnOlderTableLacks() {
    Db db = Toasty.builder().models(Members.MODEL).url("r2dbc:h2:mem:///push-upgrades").build();
    try {
      db.schema().push().block();
      db.sql("DROP INDEX \"members_nickname_idx\"").execute().block();
      assertEquals(List.of("members: missing index members_nickname_idx (push adds it)"),
          db.schema().upgrades().block().stream().map(SchemaUpgrade::describe).toList());
      assertEquals(List.of(), MigrationsGuide.pushUpgrades(db));
      assertEquals(List.of(), db.schema().upgrades().block());
      assertEquals(1L, db.sql("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
          + "WHERE INDEX_NAME = 'members_nickname_idx'").rows().count().block());
    } finally {
      db.close().block();
    }
  }

  /**
   * The same migrations packaged in a jar under db/migration/ (as src/main/resources/db/migration
   * is), read from the class path by a second database: the same versions, the same checksums.
   */
  @Test
  void theMigrationsRunFromAJar(@TempDir Path dir) throws Exception {
    MigrationsGuide.generateFirst(dir);
    MigrationsGuide.generateSecond(dir);
    Path jar = dir.resolveSibling(dir.getFileName() + ".jar");
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
    Db db = Toasty.builder().models(Members.MODEL).url("r2dbc:h2:mem:///migrations-jar").build();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
      thread.setContextClassLoader(app);
      assertEquals(List.of(1, 2), MigrationsGuide.fromTheClassPath(db));
      // the folder on disk finds them applied: a jar's files have the same checksums
      assertEquals(List.of(), Migrator.of(db, dir).apply().block());
      assertEquals(0, Members.create().id("b").displayName("Bo").age(7).exec(db).block()
          .visits());
    } finally {
      thread.setContextClassLoader(before);
      db.close().block();
      Files.deleteIfExists(jar);
    }
  }
}
