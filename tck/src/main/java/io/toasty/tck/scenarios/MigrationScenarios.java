package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.ChecksumMismatchException;
import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationEvent;
import io.toasty.migrate.MigrationFailedException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.Drift;
import io.toasty.migrate.diff.DriftReport;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.live.LiveColumn;
import io.toasty.migrate.live.LiveIndex;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.reactive.Db;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.migration.MigrationProbe;
import io.toasty.tck.migration.MigrationVersions;
import io.toasty.tck.models.Users;
import io.toasty.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Generated migrations applied and rolled back on the live database: nine model versions
 * ({@link MigrationVersions}: add, rename, retype, index, unique and composite index, default and
 * nullability, a drop generated only with the explicit flag) applied one by one and rolled back
 * one by one, the live schema (the catalog's columns, nullability and indexes; DynamoDB's keys
 * and GSIs; Neo4j's key constraints and indexes; the drift check, types and defaults included)
 * compared with each version's snapshot and the rows kept where the change allows; two applies
 * at once; a failed step, the rollback of the half-applied migration and the apply that resumes;
 * the progress events of each step; an edited applied file.
 *
 * <p>Every backend's files are generated with the names as the versions' models carry them
 * ({@link #generator}), so that one version's table and column names hold on every backend; how
 * each backend's files follow its own naming is {@code MigrationGeneratorTest}'s.
 */
@Models(Users.class)
@Requires(Need.MIGRATIONS)
public abstract class MigrationScenarios {
  private static final String PEOPLE = MigrationVersions.PEOPLE;

  /** A generator writing into {@code dir} with the names as the models carry them. */
  private static MigrationGenerator generator(Path dir) {
    return MigrationGenerator.of(dir).naming(NamingStrategy.declared());
  }

  @BackendTest
  public void appliesAndRollsBackNineVersionsKeepingData(Db db) {
    Path dir = tempDir();
    MigrationGenerator generator = generator(dir);
    for (int v = 1; v < 8; v++) {
      assertEquals(Optional.of(v), generator.generate(MigrationVersions.version(v),
          MigrationVersions.description(v)));
    }
    assertThrows(DestructiveChangeException.class, () -> generator.generate(
        MigrationVersions.version(8), MigrationVersions.description(8)),
        "dropping the notes table needs the explicit flag");
    for (int v = 8; v <= MigrationVersions.COUNT; v++) {
      assertEquals(Optional.of(v), generator.allowDestructive(MigrationVersions.destructive(v))
          .generate(MigrationVersions.version(v), MigrationVersions.description(v)));
    }
    assertEquals(Optional.empty(), generator.generate(MigrationVersions.version(9), "nothing"));

    Migrator migrator = Migrator.of(db, dir);
    MigrationProbe probe = null;
    String ageBefore = null;
    for (int v = 1; v <= MigrationVersions.COUNT; v++) {
      assertEquals(List.of(v), await(migrator.apply(v)), "apply up to V" + v);
      probe = probe == null ? MigrationProbe.of(db) : probe;
      onlyUpTo(migrator, v);
      checkLive(migrator, probe, v);
      checkData(probe, v, v > 1, v > 2);
      if (v == 1) {
        probe.insert(PEOPLE, Map.of("id", "a", "name", "ann", "age", 30L));
        probe.insert(PEOPLE, Map.of("id", "b", "name", "bob", "age", 40L));
        probe.insert(MigrationVersions.NOTES, Map.of("id", "n1", "body", "hello"));
      } else if (v == 2) {
        probe.set(PEOPLE, "a", "nick", "annie");
      }
      if (v == 3 || v == 4) {
        String age = live(migrator, PEOPLE).orElseThrow().column("age").map(LiveColumn::type)
            .orElse("");
        if (v == 3) {
          ageBefore = age;
        } else if (probe.intAndLongDiffer()) {
          assertNotEquals(ageBefore, age, "age's live type changed");
        } else {
          assertEquals(ageBefore, age);
        }
      }
    }
    for (int v = MigrationVersions.COUNT - 1; v >= 0; v--) {
      assertEquals(List.of(v + 1), await(migrator.rollback(v)), "roll back to V" + v);
      onlyUpTo(migrator, v);
      checkLive(migrator, probe, v);
      if (v > 0) {
        checkData(probe, v, true, true);
      }
    }
    assertEquals(List.of(), await(migrator.history()));
  }

  @BackendTest
  public void twoConcurrentAppliesApplyEachMigrationOnce(Db db) {
    Path dir = generated(6);
    Migrator one = Migrator.of(db, dir);
    Migrator two = Migrator.of(db, dir);
    var both = await(Mono.zip(one.apply(), two.apply()));
    List<Integer> all = new ArrayList<>(both.getT1());
    all.addAll(both.getT2());
    all.sort(Comparator.naturalOrder());
    assertEquals(versions(1, 6), all, "each version applied by exactly one of the two");
    List<HistoryRow> history = await(one.history());
    assertEquals(versions(1, 6), history.stream().map(HistoryRow::version).toList());
    assertTrue(history.stream().allMatch(HistoryRow::complete));
    checkLive(one, MigrationProbe.of(db), 6);
    assertEquals(List.of(), await(two.apply()), "nothing left to apply");
  }

  @BackendTest
  public void aFailedStepLeavesHistoryConsistentAndTheNextApplyResumes(Db db) {
    Path dir = tempDir();
    MigrationGenerator generator = generator(dir);
    generator.generate(failingFirst(), "people");
    List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());
    Migrator migrator = Migrator.of(db, dir).onProgress(events::add);
    assertEquals(List.of(1), await(migrator.apply()));
    MigrationProbe probe = MigrationProbe.of(db);
    probe.insert(PEOPLE, Map.of("id", "a", "name", "ann", "age", 1L));
    probe.blockUniqueName();
    // Step 1 adds a column, step 2 makes name unique, which the obstacle makes fail.
    generator.generate(failingSecond(), "nick and unique name");
    events.clear();
    MigrationFailedException failed = assertThrows(MigrationFailedException.class,
        () -> await(migrator.apply()));
    assertEquals(2, failed.version());
    assertEquals(2, failed.step());
    MigrationEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof MigrationEvent.StepFailed f && f.error() == failed
        && f.at().equals(new MigrationEvent.At("V2__nick_and_unique_name", 2, false, 2, 2,
            "create unique index mig_people_name_key")), events.toString());
    checkPartial(migrator, probe);
    assertEquals("ann", probe.rows(PEOPLE).get(0).get("name"), "no row lost");

    // Rolled back while half applied: only the steps in effect are undone.
    assertEquals(probe.transactional() ? List.of() : List.of(2), await(migrator.rollback(1)));
    assertEquals(List.of(1), await(migrator.history()).stream().map(HistoryRow::version)
        .toList(), "V1 alone in effect");
    LiveTable back = live(migrator, PEOPLE).orElseThrow();
    assertTrue(back.column("nick").isEmpty(), back.toString());
    assertEquals(probe.columnsAreLive() ? List.of("id", "name", "age") : List.of("id"),
        back.columns().stream().map(LiveColumn::name).toList());
    assertEquals(List.of(), await(migrator.drift(failingFirst())).ignoringExtraTables()
        .drifts().stream().filter(d -> !d.toString().contains("mig_people_name_key")).toList(),
        "the database is V1's again (the obstacle aside)");
    assertEquals(List.of(Map.of("id", "a", "name", "ann", "age", 1L)), probe.rows(PEOPLE)
        .stream().filter(r -> r.get("id").equals("a")).toList(), "ann kept");

    // Applied again: it fails at the same step, then resumes from it once the obstacle is gone.
    assertEquals(2, assertThrows(MigrationFailedException.class,
        () -> await(migrator.apply())).step());
    checkPartial(migrator, probe);
    probe.unblockUniqueName();
    assertEquals(List.of(2), await(migrator.apply()), "the next apply resumes V2");
    List<HistoryRow> history = await(migrator.history());
    assertEquals(List.of(1, 2), history.stream().map(HistoryRow::version).toList());
    assertTrue(history.stream().allMatch(HistoryRow::complete));
    LiveTable live = live(migrator, PEOPLE).orElseThrow();
    assertEquals(probe.columnsAreLive(), live.column("nick").isPresent());
    assertTrue(live.indexes().stream().anyMatch(ix -> ix.name().equals("mig_people_name_key")
        && ix.columns().equals(List.of("name"))
        && ix.unique() == probe.uniquenessIsLive()), live.toString());
    assertEquals(List.of(2, 1), await(migrator.rollback(0)));
    assertTrue(live(migrator, PEOPLE).isEmpty());
  }

  /** After V2 failed at its step 2: whole V2 undone, or its step 1 recorded and in effect. */
  private static void checkPartial(Migrator migrator, MigrationProbe probe) {
    List<HistoryRow> history = await(migrator.history());
    LiveTable live = live(migrator, PEOPLE).orElseThrow();
    if (probe.transactional()) {
      assertEquals(List.of(1), history.stream().map(HistoryRow::version).toList(),
          "the failed migration rolled back whole");
      assertTrue(live.column("nick").isEmpty());
    } else {
      assertEquals(2, history.size());
      assertEquals(new HistoryRow(2, "nick_and_unique_name", history.get(1).checksum(), 1,
          false), history.get(1), "step 1 of V2 recorded as in effect");
      assertEquals(probe.columnsAreLive(), live.column("nick").isPresent());
      MigrationStatus.Entry partial = await(migrator.status()).migrations().get(1);
      assertEquals(new MigrationStatus.Entry(2, "nick_and_unique_name",
          MigrationStatus.State.PARTIAL, 1, 2), partial);
    }
  }

  @BackendTest
  public void progressEventsFollowEachStepInOrder(Db db) {
    Path dir = generated(6);
    List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());
    // A short tick, so that slow steps (a DynamoDB index waited for) tick too.
    Migrator migrator = Migrator.of(db, dir).onProgress(events::add, Duration.ofMillis(5));
    List<MigrationStatus.Entry> entries = await(migrator.status()).migrations();
    assertEquals(versions(1, 6), await(migrator.apply()));
    List<MigrationEvent.At> up = new ArrayList<>();
    for (int v = 1; v <= 6; v++) {
      up.addAll(steps(entries.get(v - 1).label(), v, changes(v), false));
    }
    assertStepsInOrder(up, events);

    events.clear();
    assertEquals(List.of(6, 5, 4), await(migrator.rollback(3)));
    List<MigrationEvent.At> down = new ArrayList<>();
    for (int v = 6; v >= 4; v--) {
      down.addAll(steps(entries.get(v - 1).label(), v, SchemaDiff.down(changes(v)), true));
    }
    assertStepsInOrder(down, events);
  }

  /** The changes of version {@code v}'s migration, as the generator wrote its steps. */
  private static List<SchemaChange> changes(int v) {
    return SchemaDiff.between(v == 1 ? SchemaSnapshot.EMPTY
        : Snapshots.of(MigrationVersions.version(v - 1)),
        Snapshots.of(MigrationVersions.version(v)), MigrationVersions.destructive(v));
  }

  private static List<MigrationEvent.At> steps(String label, int v, List<SchemaChange> changes,
      boolean undo) {
    List<MigrationEvent.At> out = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      out.add(new MigrationEvent.At(label, v, undo, i + 1, changes.size(),
          changes.get(i).describe()));
    }
    return out;
  }

  /** Each step started, ticked or not while it ran, then done, one after the other. */
  private static void assertStepsInOrder(List<MigrationEvent.At> expected,
      List<MigrationEvent> events) {
    int e = 0;
    for (MigrationEvent.At at : expected) {
      assertEquals(new MigrationEvent.StepStarted(at), events.get(e++), events.toString());
      while (events.get(e) instanceof MigrationEvent.StillRunning r) {
        assertEquals(at, r.at(), "a tick of the running step");
        e++;
      }
      assertTrue(events.get(e) instanceof MigrationEvent.StepDone d && d.at().equals(at),
          "step done: " + at + " in " + events);
      e++;
    }
    assertEquals(events.size(), e, "no event after the last step: " + events);
  }

  @BackendTest
  public void anEditedAppliedMigrationStopsWithAChecksumError(Db db) {
    Path dir = tempDir();
    MigrationGenerator generator = generator(dir);
    generator.generate(MigrationVersions.version(1), "first");
    Migrator migrator = Migrator.of(db, dir);
    assertEquals(List.of(1), await(migrator.apply()));
    generator.generate(MigrationVersions.version(5), "second");
    editFirst(dir);
    ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
        () -> await(migrator.apply()));
    assertEquals(1, e.version());
    assertTrue(e.getMessage().contains("V1__first"), e.getMessage());
    assertTrue(live(migrator, PEOPLE).orElseThrow().indexes().isEmpty(), "nothing applied");
    assertFalse(await(migrator.history()).stream().anyMatch(r -> r.version() == 2));
  }

  @BackendTest
  public void statusAndDriftFollowTheMigrations(Db db) {
    Path dir = generated(7);
    Migrator migrator = Migrator.of(db, dir);
    assertEquals(List.of(1, 2, 3), await(migrator.apply(3)));
    MigrationStatus status = await(migrator.status());
    assertEquals(versions(1, 7), status.migrations().stream().map(MigrationStatus.Entry::version)
        .toList());
    assertEquals(versions(1, 3), versionsIn(status, MigrationStatus.State.APPLIED));
    assertEquals(versions(4, 7), versionsIn(status, MigrationStatus.State.PENDING));
    assertEquals(3, status.current());
    assertTrue(status.hasPending());
    assertFalse(status.hasMismatch());

    // The live schema at V3 is V3's: types in the catalog's names, nullability, no index.
    DriftReport atThree = await(migrator.drift(MigrationVersions.version(3)));
    assertEquals(List.of(), atThree.ignoringExtraTables().drifts(), "V3 live against V3");
    assertFalse(atThree.drifts().stream().anyMatch(d -> d.table().startsWith("toasty_")
        || d.table().endsWith(".unique")), "Toasty's own tables are no drift: " + atThree);

    // Against V7's models the database lacks V4 to V7.
    MigrationProbe probe = MigrationProbe.of(db);
    List<Drift> ahead = await(migrator.drift(MigrationVersions.version(7)))
        .ignoringExtraTables().drifts();
    Set<Drift> want = new HashSet<>(List.of(
        new Drift.MissingIndex(PEOPLE, "mig_people_name_idx", List.of("name"), false),
        new Drift.MissingIndex(PEOPLE, "mig_people_nickname_key", List.of("nickname"),
            probe.uniquenessIsLive()),
        new Drift.MissingIndex(PEOPLE, "mig_people_name_age_idx", List.of("name", "age"),
            false),
        new Drift.MissingIndex(PEOPLE, "mig_people_nickname_age_key", List.of("nickname", "age"),
            probe.uniquenessIsLive())));
    if (probe.columnsAreLive()) {
      want.add(new Drift.MissingColumn(PEOPLE, "score", ahead.stream()
          .filter(d -> d instanceof Drift.MissingColumn).map(d -> ((Drift.MissingColumn) d)
              .type()).findFirst().orElse("?")));
      want.add(new Drift.NullabilityDiffers(PEOPLE, "name", true, false));
    }
    assertEquals(want, ahead.stream().filter(d -> !(d instanceof Drift.TypeDiffers))
        .collect(Collectors.toSet()), ahead.toString());
    List<String> retyped = ahead.stream().filter(d -> d instanceof Drift.TypeDiffers)
        .map(d -> ((Drift.TypeDiffers) d).column()).toList();
    assertEquals(probe.intAndLongDiffer(), retyped.contains("age"), ahead.toString());
    // MariaDB keys an indexed text column as VARCHAR(255), not LONGTEXT: a real difference.
    assertTrue(Set.of("age", "name", "nickname").containsAll(retyped), ahead.toString());

    // Applied further than the models: extra indexes, columns and tables.
    assertEquals(List.of(4, 5, 6), await(migrator.apply(6)));
    List<Drift> behind = await(migrator.drift(Schema.of(List.of(
        MigrationVersions.version(5).model("Person"))))).drifts();
    assertTrue(behind.contains(new Drift.ExtraTable(MigrationVersions.NOTES)), behind.toString());
    assertTrue(behind.contains(new Drift.ExtraIndex(PEOPLE, "mig_people_nickname_key",
        List.of("nickname"), probe.uniquenessIsLive())), behind.toString());
    assertTrue(behind.contains(new Drift.ExtraIndex(PEOPLE, "mig_people_name_age_idx",
        List.of("name", "age"), false)), behind.toString());
    assertTrue(behind.contains(new Drift.ExtraIndex(PEOPLE, "mig_people_nickname_age_key",
        List.of("nickname", "age"), probe.uniquenessIsLive())), behind.toString());
    assertEquals(List.of(), await(migrator.drift(MigrationVersions.version(6)))
        .ignoringExtraTables().drifts(), "V6 live against V6");
    List<Drift> older = await(migrator.drift(MigrationVersions.version(1))).drifts();
    assertEquals(probe.columnsAreLive(), older.contains(new Drift.ExtraColumn(PEOPLE,
        "nickname", older.stream().filter(d -> d instanceof Drift.ExtraColumn)
            .map(d -> ((Drift.ExtraColumn) d).type()).findFirst().orElse("?"))), older.toString());

    // V7 gives score the default 0: models that say 5, or no default, drift (where the catalog
    // shows defaults); V7's own models do not.
    assertEquals(List.of(7), await(migrator.apply(7)));
    for (Value other : Arrays.asList(new Value.I32(5), null)) {
      List<String> defaults = await(migrator.drift(withScoreDefault(other)))
          .ignoringExtraTables().drifts().stream()
          .map(d -> d instanceof Drift.DefaultDiffers x && x.live() != null
              ? x.table() + "." + x.column() + ": " + x.expected() : d.describe())
          .toList();
      assertEquals(probe.columnsAreLive() ? List.of(PEOPLE + ".score: "
          + (other == null ? "no default" : "5")) : List.of(), defaults);
    }

    // A folder that is not this database's: every applied version lacks its file.
    MigrationStatus foreign = await(Migrator.of(db, tempDir()).status());
    assertEquals(versions(1, 7), versionsIn(foreign, MigrationStatus.State.MISSING_FILE));
    assertTrue(foreign.hasMismatch());

    assertEquals(List.of(7, 6, 5, 4, 3, 2), await(migrator.rollback(1)));
    editFirst(dir);
    MigrationStatus edited = await(migrator.status());
    assertEquals(versions(1, 1), versionsIn(edited, MigrationStatus.State.CHECKSUM_MISMATCH));
    assertEquals(versions(2, 7), versionsIn(edited, MigrationStatus.State.PENDING));
    assertTrue(edited.hasMismatch());
    assertThrows(ChecksumMismatchException.class, () -> await(migrator.apply()),
        "status reported what apply refuses");
  }

  @BackendTest
  public void driftReportsMissingTables(Db db) {
    Migrator migrator = Migrator.of(db, tempDir());
    DriftReport report = await(migrator.drift(MigrationVersions.version(1)))
        .ignoringExtraTables();
    assertEquals(List.of(new Drift.MissingTable(MigrationVersions.NOTES),
        new Drift.MissingTable(PEOPLE)), report.drifts());
    assertFalse(report.clean());
    assertEquals(db.capability().backend(), report.backend());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Optional<LiveTable> live(Migrator migrator, String table) {
    return await(migrator.describe(table));
  }

  private static void onlyUpTo(Migrator migrator, int v) {
    List<HistoryRow> history = await(migrator.history());
    assertEquals(versions(1, v), history.stream().map(HistoryRow::version).toList());
    assertTrue(history.stream().allMatch(HistoryRow::complete));
  }

  /**
   * The live tables match version {@code v}'s snapshot: columns and their nullability (where the
   * backend has columns; else the key), indexes with their columns and uniqueness (where the
   * backend shows it).
   */
  private static void checkLive(Migrator migrator, MigrationProbe probe, int v) {
    SchemaSnapshot expected = v == 0 ? SchemaSnapshot.EMPTY
        : Snapshots.of(MigrationVersions.version(v));
    if (v > 0) {
      // Everything the catalog shows, types and defaults included, is the version's.
      assertEquals(List.of(), await(migrator.drift(MigrationVersions.version(v)))
          .ignoringExtraTables().drifts(), "V" + v + " live against V" + v);
    }
    for (String table : List.of(PEOPLE, MigrationVersions.NOTES)) {
      Optional<LiveTable> live = live(migrator, table);
      Optional<TableSnapshot> want = expected.table(table);
      assertEquals(want.isPresent(), live.isPresent(), "V" + v + ": table " + table);
      boolean unique = want.isPresent() && want.get().indexes().stream()
          .anyMatch(IndexSnapshot::unique);
      probe.uniquenessTable(table).ifPresent(has -> assertEquals(unique, has,
          "V" + v + ": the companion table of " + table + "'s unique values"));
      if (want.isEmpty()) {
        continue;
      }
      List<String> columns = probe.columnsAreLive()
          ? want.get().columns().stream().map(ColumnSnapshot::name).toList()
          : want.get().primaryKey();
      assertEquals(columns, live.get().columns().stream().map(LiveColumn::name).toList(),
          "V" + v + " columns");
      for (LiveColumn c : live.get().columns()) {
        assertEquals(want.get().column(c.name()).orElseThrow().nullable(), c.nullable(),
            "V" + v + ": nullability of " + c.name());
      }
      Set<LiveIndex> indexes = new HashSet<>();
      want.get().indexes().forEach(ix -> indexes.add(new LiveIndex(ix.name(),
          probe.columnsAreLive() ? ix.columns() : ix.columns().subList(0,
              Math.min(2, ix.columns().size())), ix.unique() && probe.uniquenessIsLive())));
      assertEquals(indexes, new HashSet<>(live.get().indexes()), "V" + v + " indexes");
    }
  }

  /**
   * The two seeded people are there with the values version {@code v} holds ({@code seeded}:
   * rows were written; {@code nicked}: ann's nick was set).
   */
  private static void checkData(MigrationProbe probe, int v, boolean seeded, boolean nicked) {
    if (!seeded) {
      return;
    }
    List<Map<String, Object>> rows = probe.rows(PEOPLE);
    assertEquals(List.of("a", "b"), rows.stream().map(r -> r.get("id")).toList(),
        "V" + v + ": rows kept");
    assertEquals(List.of("ann", "bob"), rows.stream().map(r -> r.get("name")).toList());
    assertEquals(List.of(30L, 40L), rows.stream().map(r -> r.get("age")).toList());
    String nick = v >= 3 ? "nickname" : "nick";
    if (v >= 2) {
      assertEquals(nicked ? "annie" : null, rows.get(0).get(nick),
          "V" + v + ": " + nick + " kept across the rename");
    }
    if (v >= 7) {
      assertEquals(List.of(0L, 0L), rows.stream().map(r -> r.get("score")).toList(),
          "V" + v + ": the default filled the existing rows");
    }
  }

  /** Version 7 with {@code score}'s default changed to {@code value} ({@code null}: none). */
  private static Schema withScoreDefault(Value value) {
    Schema v7 = MigrationVersions.version(7);
    ModelSchema p = v7.model("Person");
    List<FieldSchema> fields = p.fields().stream().map(f -> !f.name().equals("score") ? f
        : new FieldSchema(f.index(), f.name(), f.type(), f.nullable(), f.auto(), value,
            f.columnName(), f.onUpdate(), f.sensitive(), f.renamedFrom())).toList();
    return Schema.of(List.of(new ModelSchema(p.name(), p.javaClass(), p.tableName(), fields,
        p.primaryKey(), p.indexes()), v7.model("Note")));
  }

  private static Schema failingFirst() {
    return Schema.of(List.of(MigrationVersions.version(1).model("Person")));
  }

  private static Schema failingSecond() {
    ModelSchema p = MigrationVersions.version(2).model("Person");
    return Schema.of(List.of(new ModelSchema(p.name(), p.javaClass(), p.tableName(), p.fields(),
        p.primaryKey(), List.of(new IndexSchema("mig_people_name_key", List.of(1), true)))));
  }

  private static List<Integer> versionsIn(MigrationStatus status, MigrationStatus.State state) {
    return status.in(state).stream().map(MigrationStatus.Entry::version).toList();
  }

  private static List<Integer> versions(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int v = from; v <= to; v++) {
      out.add(v);
    }
    return out;
  }

  private static void editFirst(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V1__")).toList()) {
        String text = Files.readString(f);
        String name = f.toString();
        Files.writeString(f, name.endsWith(".json")
            ? text.replaceFirst("\"description\" : \"", "\"description\" : \"edited ")
            : text + (name.endsWith(".cypher") ? "\n// " : "\n-- ")
                + "edited after it was applied\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new folder with the migrations of versions 1 to {@code last}. */
  private static Path generated(int last) {
    Path dir = tempDir();
    MigrationGenerator generator = generator(dir);
    for (int v = 1; v <= last; v++) {
      generator.generate(MigrationVersions.version(v), MigrationVersions.description(v));
    }
    return dir;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("toasty-migrations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
