package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.files.SqlScript;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.render.DynamoRenderer;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.render.SqlStepRenderer;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.SnapshotJson;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.push.SchemaDdl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model whose changes are followed ({@code @Model(changes = true)}) in migrations: the snapshot
 * records it, the diff follows a new or opted-in table and stops following an opted-out or
 * dropped one, PostgreSQL renders it as the change trigger push writes and DynamoDB as its
 * stream enabled or disabled; the other dialects render nothing.
 */
class ChangeFollowingTest {
  private static final SchemaSnapshot EMPTY =
      new SchemaSnapshot(SchemaSnapshot.FORMAT, List.of());

  private static SchemaSnapshot members(boolean changes) {
    ModelSchema model = Fixture.v1().models().iterator().next();
    return Snapshots.of(Schema.of(List.of(changes ? model.withChanges() : model)));
  }

  private static List<String> described(List<SchemaChange> steps) {
    return steps.stream().map(SchemaChange::describe).toList();
  }

  @Test
  void theSnapshotRecordsTheFlagOnlyWhenSet() {
    String followed = SnapshotJson.write(members(true));
    assertTrue(followed.contains("\"changes\" : true"), followed);
    assertEquals(members(true), SnapshotJson.read(followed, "test"));
    String plain = SnapshotJson.write(members(false));
    assertFalse(plain.contains("\"changes\""), plain);
    assertEquals(members(false), SnapshotJson.read(plain, "test"));
  }

  @Test
  void aNewTableIsFollowedAfterItIsCreatedAndItsDownStopsFirst() {
    List<SchemaChange> up = SchemaDiff.between(EMPTY, members(true), false);
    assertEquals(List.of("create table members", "follow changes of members"), described(up));
    assertEquals(List.of("stop following changes of members", "drop table members"),
        described(SchemaDiff.down(up)));
  }

  @Test
  void aKeptTableIsFollowedWhenItsModelOptsInAndNoLongerWhenItOptsOut() {
    List<SchemaChange> on = SchemaDiff.between(members(false), members(true), false);
    assertEquals(List.of("follow changes of members"), described(on));
    assertEquals(List.of("stop following changes of members"),
        described(SchemaDiff.between(members(true), members(false), false)));
    assertEquals(SchemaDiff.between(members(true), members(false), false), SchemaDiff.down(on));
    assertTrue(SchemaDiff.between(members(true), members(true), false).isEmpty());
  }

  @Test
  void aDroppedFollowedTableStopsBeingFollowedSoThatItsDownFollowsItAgain() {
    List<SchemaChange> up = SchemaDiff.between(members(true), EMPTY, true);
    assertEquals(List.of("stop following changes of members", "drop table members"),
        described(up));
    assertEquals(SchemaDiff.between(EMPTY, members(true), false), SchemaDiff.down(up));
  }

  @Test
  void postgresqlWritesTheTriggerPushWritesAndDropsIt() {
    SqlStepRenderer renderer = new SqlStepRenderer(SqlChoices.POSTGRESQL);
    SchemaChange follow = SchemaDiff.between(members(false), members(true), false).get(0);
    List<String> sql = renderer.render(follow);
    assertEquals(5, sql.size(), sql::toString);
    assertTrue(sql.get(0).contains("CREATE TABLE IF NOT EXISTS toasty_change_log"),
        "the change log first");
    assertTrue(sql.get(1).startsWith("CREATE OR REPLACE FUNCTION toasty_record_change("));
    assertTrue(sql.get(2).startsWith("CREATE OR REPLACE FUNCTION toasty_notify_change()"));
    assertTrue(sql.get(3).startsWith("CREATE OR REPLACE FUNCTION toasty_trim_changes("));
    assertTrue(sql.get(4).contains("CREATE CONSTRAINT TRIGGER toasty_changes AFTER INSERT OR "
        + "UPDATE OR DELETE ON \"members\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE "
        + "FUNCTION toasty_notify_change('id')"), sql.get(4));
    assertEquals(List.of("DROP TRIGGER IF EXISTS toasty_changes ON \"members\""),
        renderer.render(follow.inverse()));
    List<String> push = new SchemaDdl(SqlChoices.POSTGRESQL.dialect(),
        Schema.of(List.of(Fixture.v1().models().iterator().next().withChanges()))).create();
    assertEquals(sql, push.subList(push.size() - 5, push.size()), "push's last statements");
  }

  @Test
  void theTriggersFunctionBodyReadsBackFromItsFileAsOneStatement() {
    SchemaChange follow = SchemaDiff.between(members(false), members(true), false).get(0);
    List<Step> steps = List.of(new Step(follow.describe(),
        new SqlStepRenderer(SqlChoices.POSTGRESQL).render(follow)));
    assertEquals(steps, SqlScript.read(SqlScript.write("V1", steps), "V1.sql"));
  }

  @Test
  void dynamoDbEnablesAndDisablesTheTablesStream() {
    SchemaChange follow = SchemaDiff.between(members(false), members(true), false).get(0);
    DynamoRenderer renderer = new DynamoRenderer();
    assertEquals(List.of("{\"op\":\"followChanges\",\"table\":\"members\"}"),
        renderer.render(follow));
    assertEquals(List.of("{\"op\":\"unfollowChanges\",\"table\":\"members\"}"),
        renderer.render(follow.inverse()));
  }

  @Test
  void theOtherDialectsWriteNothing() {
    SchemaChange follow = SchemaDiff.between(members(false), members(true), false).get(0);
    for (SqlChoices choices : SqlChoices.ALL) {
      if (choices != SqlChoices.POSTGRESQL) {
        SqlStepRenderer renderer = new SqlStepRenderer(choices);
        assertEquals(List.of(), renderer.render(follow), choices.folder());
        assertEquals(List.of(), renderer.render(follow.inverse()), choices.folder());
      }
    }
  }
}
