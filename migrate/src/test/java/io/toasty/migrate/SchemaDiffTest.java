package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.SnapshotJson;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  @Test
  void aDeclaredRenameIsARenameAndTheRestFollowsInOrder() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    assertEquals(List.of("rename column members.name to display_name",
        "add column members.nickname", "add column members.visits",
        "alter column members.age (I32 NOT NULL -> I64 NOT NULL)",
        "create index members_nickname_idx"), up.stream().map(SchemaChange::describe).toList());
  }

  @Test
  void downIsTheInverseOfEachStepLastFirst() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    List<SchemaChange> down = SchemaDiff.down(up);
    assertEquals("drop index members_nickname_idx", down.get(0).describe());
    assertEquals("rename column members.display_name to name", down.get(4).describe());
    assertEquals(up, SchemaDiff.down(down));
  }

  @Test
  void withoutTheDeclarationAMissingColumnIsADropAndIsRefused() {
    var v1 = Snapshots.of(Fixture.v1());
    var dropped = new SchemaSnapshot(1, List.of());
    DestructiveChangeException e = assertThrows(DestructiveChangeException.class,
        () -> SchemaDiff.between(v1, dropped, false));
    assertEquals(List.of("drop table members"), e.steps());
    assertEquals(1, SchemaDiff.between(v1, dropped, true).size());
  }

  @Test
  void noChangeIsNoStep() {
    assertTrue(SchemaDiff.between(Snapshots.of(Fixture.v2()), Snapshots.of(Fixture.v2()), false)
        .isEmpty());
  }

  @Test
  void theSnapshotJsonIsStableAndReadsBack() {
    SchemaSnapshot s = Snapshots.of(Fixture.v2());
    String json = SnapshotJson.write(s);
    assertEquals(json, SnapshotJson.write(SnapshotJson.read(json, "test")));
    assertEquals(s, SnapshotJson.read(json, "test"));
    assertTrue(json.contains("\"defaultValue\" : \"num:0\""), json);
  }

  @Test
  void aRequiredColumnWithoutDefaultIsRefusedNamingIt() {
    var v1 = Snapshots.of(Fixture.v1());
    var t = v1.tables().get(0);
    var columns = new ArrayList<>(t.columns());
    columns.add(new ColumnSnapshot("email", "email", "STRING", false,
        false, null, null));
    var v2 = new SchemaSnapshot(1, List.of(new TableSnapshot(
        t.name(), t.model(), columns, t.primaryKey(), t.indexes())));
    MigrationException e = assertThrows(MigrationException.class,
        () -> SchemaDiff.between(v1, v2, false));
    assertTrue(e.getMessage().contains("members.email"), e.getMessage());
  }

  @Test
  void aNarrowingTypeIsRefusedWithoutTheFlag() {
    SchemaSnapshot asLong = withAge("I64");
    SchemaSnapshot asText = withAge("STRING");
    SchemaSnapshot asInt = withAge("I32");
    for (SchemaSnapshot from : List.of(asLong, asText)) {
      String type = from.tables().get(0).column("age").orElseThrow().type();
      DestructiveChangeException e = assertThrows(DestructiveChangeException.class,
          () -> SchemaDiff.between(from, asInt, false), type + " -> I32");
      assertEquals(List.of("alter column members.age (" + type + " NOT NULL -> I32 NOT NULL)"),
          e.steps());
      List<SchemaChange> allowed = SchemaDiff.between(from, asInt, true);
      assertEquals(1, allowed.size());
      assertTrue(allowed.get(0).destructive());
      assertEquals(asInt.tables().get(0).column("age"),
          Optional.of(((SchemaChange.AlterColumn) allowed.get(0)).to()));
    }
    // Widening is no loss: int to long, anything to text.
    assertEquals(1, SchemaDiff.between(asInt, asLong, false).size());
    assertEquals(1, SchemaDiff.between(asInt, asText, false).size());
  }

  /** Fixture V1 with {@code age} of {@code type}. */
  private static SchemaSnapshot withAge(String type) {
    var t = Snapshots.of(Fixture.v1()).tables().get(0);
    var columns = t.columns().stream().map(c -> !c.name().equals("age") ? c
        : new ColumnSnapshot(c.name(), c.field(), type, c.nullable(),
            c.identity(), c.defaultValue(), null)).toList();
    return new SchemaSnapshot(1, List.of(new TableSnapshot(t.name(),
        t.model(), columns, t.primaryKey(), t.indexes())));
  }
}
