package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.files.DynamoScript;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.render.DynamoRenderer;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DynamoDB's steps: tables and GSIs, a rename as an item rewrite, a default filled in. */
class DynamoRendererTest {
  private final DynamoRenderer renderer = new DynamoRenderer();

  @Test
  void createsTheTableAsPushDoes() {
    List<SchemaChange> up = SchemaDiff.between(SchemaSnapshot.EMPTY, Snapshots.of(Fixture.v2()), false);
    assertEquals(List.of("{\"op\":\"createTable\",\"table\":\"members\",\"key\":[{\"name\":\"id\","
        + "\"type\":\"S\"}],\"indexes\":[{\"name\":\"members_nickname_idx\",\"key\":[{\"name\":"
        + "\"nickname\",\"type\":\"S\"}]}],\"uniqueTable\":false}"), renderer.render(up.get(0)));
  }

  @Test
  void renamesRewriteItemsDefaultsFillThemAndIndexesAreGsis() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    List<List<String>> steps = up.stream().map(renderer::render).toList();
    assertEquals(List.of("{\"op\":\"renameAttribute\",\"table\":\"members\",\"from\":\"name\","
        + "\"to\":\"display_name\"}"), steps.get(0));
    assertEquals(List.of(), steps.get(1), "a nullable attribute needs nothing");
    assertEquals(List.of("{\"op\":\"fillAttribute\",\"table\":\"members\",\"attribute\":"
        + "\"visits\",\"value\":{\"N\":\"0\"}}"), steps.get(2));
    assertEquals(List.of(), steps.get(3), "numbers stay numbers");
    assertTrue(steps.get(4).get(0).startsWith("{\"op\":\"createIndex\""), steps.get(4).get(0));
  }

  @Test
  void theFileReadsBackStepByStep() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    List<Step> steps = up.stream().map(c -> new Step(c.describe(), renderer.render(c))).toList();
    String text = DynamoScript.FORMAT.write("V2", steps);
    assertEquals(steps, DynamoScript.FORMAT.read(text, "V2"));
  }
}
