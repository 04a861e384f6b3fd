package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.render.Neo4jRenderer;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Neo4j's steps: constraints and indexes named as push names them, a rename as a property moved
 * on every node, a default written into the nodes without it, names under the prefix
 * placeholder.
 */
class Neo4jRendererTest {
  private final Neo4jRenderer renderer = new Neo4jRenderer();

  @Test
  void createsTheKeyConstraintAndIndexesAsPushDoes() {
    List<SchemaChange> up = SchemaDiff.between(SchemaSnapshot.EMPTY, Snapshots.of(Fixture.v2()), false);
    assertEquals(List.of("CREATE CONSTRAINT `${labelPrefix}members_pkey` IF NOT EXISTS FOR "
            + "(n:`${labelPrefix}members`) REQUIRE (n.`id`) IS UNIQUE",
        "CREATE INDEX `${labelPrefix}members_nickname_idx` IF NOT EXISTS FOR "
            + "(n:`${labelPrefix}members`) ON (n.`nickname`)",
        "CALL db.awaitIndex('${labelPrefix}members_nickname_idx', 300)"),
        renderer.render(up.get(0)));
    assertEquals(List.of("MATCH (n:`${labelPrefix}members`) DETACH DELETE n",
        "DROP INDEX `${labelPrefix}members_nickname_idx` IF EXISTS",
        "DROP CONSTRAINT `${labelPrefix}members_pkey` IF EXISTS"),
        renderer.render(SchemaDiff.down(up).get(0)));
  }

  /**
   * A join model stored as a relationship: its key constraint on the relationship type, as push
   * makes it (a node-label constraint would let a migrated database take duplicates), and no
   * index over a foreign key that is an end of the relationship.
   */
  @Test
  void aJoinModelsConstraintsAreOnItsRelationshipAsPushMakesThem() {
    ColumnSnapshot id = new ColumnSnapshot("id", "id", "UUID", false, false, null, null);
    ColumnSnapshot user = new ColumnSnapshot("user_id", "userId", "UUID", false, false, null,
        null);
    ColumnSnapshot since = new ColumnSnapshot("since", "since", "I64", false, false, null, null);
    TableSnapshot follows = new TableSnapshot("follows", "Follow", List.of(id, user, since),
        List.of("id"), List.of(new IndexSnapshot("follows_since_idx", List.of("since"), false),
            new IndexSnapshot("follows_user_id_idx", List.of("user_id"), false)),
        List.of(new ForeignKeySnapshot("follows_user_id_fkey", List.of("user_id"), "users",
            List.of("id"), "CASCADE", null))).asRelationship(true);
    assertEquals(List.of("CREATE CONSTRAINT `${labelPrefix}follows_pkey` IF NOT EXISTS FOR "
            + "()-[n:`${labelPrefix}follows`]-() REQUIRE (n.`id`) IS UNIQUE",
        "CREATE INDEX `${labelPrefix}follows_since_idx` IF NOT EXISTS FOR "
            + "()-[n:`${labelPrefix}follows`]-() ON (n.`since`)",
        "CALL db.awaitIndex('${labelPrefix}follows_since_idx', 300)"),
        renderer.render(new SchemaChange.CreateTable(follows)));
    assertEquals(List.of("MATCH ()-[n:`${labelPrefix}follows`]->() DELETE n",
        "DROP INDEX `${labelPrefix}follows_since_idx` IF EXISTS",
        "DROP CONSTRAINT `${labelPrefix}follows_pkey` IF EXISTS"),
        renderer.render(new SchemaChange.DropTable(follows)));
    assertEquals(List.of("MATCH ()-[n:`${labelPrefix}follows`]->() WHERE n.`since` IS NOT NULL "
        + "REMOVE n.`since`"), renderer.render(new SchemaChange.DropColumn("follows", since, follows,
            follows)));
  }

  @Test
  void renamesMovePropertiesAndDefaultsFillThem() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    List<List<String>> steps = up.stream().map(renderer::render).toList();
    assertEquals(List.of("MATCH (n:`${labelPrefix}members`) WHERE n.`name` IS NOT NULL SET "
        + "n.`display_name` = n.`name` REMOVE n.`name`"), steps.get(0));
    assertEquals(List.of(), steps.get(1), "a nullable property needs nothing");
    assertEquals(List.of("MATCH (n:`${labelPrefix}members`) WHERE n.`visits` IS NULL SET "
        + "n.`visits` = 0"), steps.get(2));
    assertEquals(List.of(), steps.get(3), "integers of every width are one Neo4j type");
    List<List<String>> down = SchemaDiff.down(up).stream().map(renderer::render).toList();
    assertEquals(List.of("MATCH (n:`${labelPrefix}members`) WHERE n.`visits` IS NOT NULL "
        + "REMOVE n.`visits`"), down.get(2));
  }

  @Test
  void theFileReadsBackStepByStepWithCypherComments() {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    List<Step> steps = up.stream().map(c -> new Step(c.describe(), renderer.render(c))).toList();
    String text = CypherScript.FORMAT.write("V2", steps);
    assertEquals("// V2\n\n// step 1: rename column members.name to display_name\n",
        text.substring(0, text.indexOf("MATCH")));
    assertEquals(steps, CypherScript.FORMAT.read(text + "// edited\n", "V2"));
  }
}
