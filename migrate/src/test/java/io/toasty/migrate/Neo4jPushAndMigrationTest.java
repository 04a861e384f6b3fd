package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.live.Neo4jShape;
import io.toasty.migrate.render.Neo4jRenderer;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.ddl.GraphSchema;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Neo4j's schema push and a migration from an empty schema create the same constraints and
 * indexes, both from {@code GraphIndexes}: a join model stored as a relationship has its key and
 * its indexes on the relationship type, and no index over a foreign key that is an end of it.
 * The migration alone waits for each range index to be online ({@code db.awaitIndex}); push
 * waits for them after all its commands.
 */
class Neo4jPushAndMigrationTest {
  private static final String PREFIX = "t_";

  @Test
  void sameConstraintsAndIndexesForAJoinModelStoredAsARelationship() {
    List<String> push = pushAndMigration(RelationSchema.Integrity.ENFORCED);
    assertTrue(push.contains("CREATE CONSTRAINT `t_memberships_pkey` IF NOT EXISTS FOR "
        + "()-[n:`t_memberships`]-() REQUIRE (n.`id`) IS UNIQUE"), push::toString);
    assertTrue(push.contains("CREATE INDEX `t_memberships_since_idx` IF NOT EXISTS FOR "
        + "()-[n:`t_memberships`]-() ON (n.`since`)"), push::toString);
    assertTrue(push.stream().noneMatch(s -> s.contains("memberships_user_id_idx")),
        push::toString);
  }

  /**
   * A join model declared as a relationship of its own type ({@code @Relationship(type =
   * "MEMBER_OF")}) needs no via, and push and migrations put its constraints on that type.
   */
  @Test
  void sameConstraintsOnADeclaredRelationshipType() {
    List<String> push = pushAndMigration(schema(RelationSchema.Integrity.ENFORCED,
        new RelationSchema.GraphEdge("MEMBER_OF", false, true), false));
    assertTrue(push.contains("CREATE CONSTRAINT `t_memberships_pkey` IF NOT EXISTS FOR "
        + "()-[n:`t_MEMBER_OF`]-() REQUIRE (n.`id`) IS UNIQUE"), push::toString);
    assertTrue(push.contains("CREATE INDEX `t_memberships_since_idx` IF NOT EXISTS FOR "
        + "()-[n:`t_MEMBER_OF`]-() ON (n.`since`)"), push::toString);
  }

  /** Unchecked keys may name no node: the join model stays a node, in push and migrations. */
  @Test
  void sameConstraintsForAJoinModelWithUncheckedKeysStoredAsNodes() {
    List<String> push = pushAndMigration(RelationSchema.Integrity.UNCHECKED);
    assertTrue(push.contains("CREATE CONSTRAINT `t_memberships_pkey` IF NOT EXISTS FOR "
        + "(n:`t_memberships`) REQUIRE (n.`id`) IS UNIQUE"), push::toString);
  }

  /**
   * A unique index of a soft-deleted model holds its live records only: push and migrations make
   * it a constraint over the value and {@code toasty_live} (docs/neo4j.md), the key stays over
   * every node.
   */
  @Test
  void aSoftDeletedModelsUniqueIndexIsOverTheLiveProperty() {
    List<String> push = pushAndMigration(tags(true));
    assertTrue(push.contains("CREATE CONSTRAINT `t_tags_label_key` IF NOT EXISTS FOR "
        + "(n:`t_tags`) REQUIRE (n.`label`, n.`toasty_live`) IS UNIQUE"), push::toString);
    assertTrue(push.contains("CREATE CONSTRAINT `t_tags_pkey` IF NOT EXISTS FOR "
        + "(n:`t_tags`) REQUIRE (n.`id`) IS UNIQUE"), push::toString);
  }

  /**
   * A model that becomes soft-deleted: the migration drops the constraint over every node, gives
   * the live nodes {@code toasty_live}, and creates the constraint over it; push would repair the
   * nodes with the same statement.
   */
  @Test
  void aModelThatBecomesSoftDeletedMovesItsConstraintToTheLiveNodes() {
    Neo4jRenderer renderer = new Neo4jRenderer();
    List<String> steps = SchemaDiff.between(Snapshots.of(tags(false)), Snapshots.of(tags(true)),
            false).stream().flatMap(c -> renderer.render(c).stream())
        .map(s -> s.replace(CypherScript.LABEL_PREFIX, PREFIX)).toList();
    String repair = "MATCH (n:`t_tags`) WHERE ((CASE WHEN n.`deleted_at` IS NULL THEN true END) "
        + "IS NULL) <> (n.`toasty_live` IS NULL) SET n.`toasty_live` = CASE WHEN "
        + "n.`deleted_at` IS NULL THEN true END";
    assertEquals(List.of("DROP CONSTRAINT `t_tags_label_key` IF EXISTS", repair,
        "CREATE CONSTRAINT `t_tags_label_key` IF NOT EXISTS FOR (n:`t_tags`) REQUIRE "
        + "(n.`label`, n.`toasty_live`) IS UNIQUE"), steps);
    Schema schema = tags(true);
    assertEquals(List.of(repair), new GraphSchema(schema, Names.of(PREFIX, schema)).repairs());
    // and the live schema of a migrated graph is compared with the constraint push creates
    IndexSnapshot live = Snapshots.of(schema).tables().get(0).indexes().get(0);
    assertEquals(List.of("label", "toasty_live"), new Neo4jShape().expectedIndex(live).columns());
  }

  /** Tags with a unique label; soft-deleted ({@code deleted_at}) or not. */
  private static Schema tags(boolean softDeleted) {
    List<FieldSchema> fields = new ArrayList<>(List.of(field(0, "id", Type.Scalar.UUID, "id"),
        field(1, "label", Type.Scalar.STRING, "label")));
    if (softDeleted) {
      fields.add(new FieldSchema(2, "deletedAt", Type.Scalar.INSTANT, true,
          AutoStrategy.SOFT_DELETE, null, "deleted_at"));
    }
    return Schema.of(List.of(new ModelSchema("Tag", "t.Tag", "tags", fields, List.of(0),
        List.of(new IndexSchema("tags_label_key", List.of(1), true)))));
  }

  /** Push's commands, sorted, after checking that a migration from empty writes the same. */
  private static List<String> pushAndMigration(RelationSchema.Integrity integrity) {
    return pushAndMigration(schema(integrity, null, true));
  }

  private static List<String> pushAndMigration(Schema schema) {
    List<String> push = new ArrayList<>(new GraphSchema(schema, Names.of(PREFIX, schema))
        .push());
    Neo4jRenderer renderer = new Neo4jRenderer();
    List<String> migration = new ArrayList<>(SchemaDiff.between(
            new SchemaSnapshot(SchemaSnapshot.FORMAT, List.of()), Snapshots.of(schema), false)
        .stream().flatMap(c -> renderer.render(c).stream())
        .filter(s -> !s.startsWith("CALL db.awaitIndex"))
        .map(s -> s.replace(CypherScript.LABEL_PREFIX, PREFIX)).toList());
    push.sort(null);
    migration.sort(null);
    assertEquals(push, migration);
    return push;
  }

  /** Users in groups through memberships, a join model with a property and two indexes. */
  private static Schema schema(RelationSchema.Integrity integrity,
      RelationSchema.GraphEdge declared, boolean via) {
    ModelSchema user = new ModelSchema("User", "t.User", "users", List.of(
        field(0, "id", Type.Scalar.UUID, "id"), field(1, "name", Type.Scalar.STRING, "name")),
        List.of(0), List.of(new IndexSchema("users_name_key", List.of(1), true)),
        via ? List.of(new RelationSchema(0, "groups", RelationSchema.Kind.HAS_MANY, "Group", "",
            List.of(), List.of(), true, new RelationSchema.Through("Membership",
                List.of("memberships", "group"), List.of(0), List.of(0)))) : List.of());
    ModelSchema group = new ModelSchema("Group", "t.Group", "groups", List.of(
        field(0, "id", Type.Scalar.UUID, "id")), List.of(0), List.of());
    ModelSchema membership = new ModelSchema("Membership", "t.Membership", "memberships",
        List.of(field(0, "id", Type.Scalar.UUID, "id"),
            field(1, "userId", Type.Scalar.UUID, "user_id"),
            field(2, "groupId", Type.Scalar.UUID, "group_id"),
            field(3, "since", Type.Scalar.I64, "since")), List.of(0),
        List.of(new IndexSchema("memberships_since_idx", List.of(3), false),
            new IndexSchema("memberships_user_id_idx", List.of(1), false)),
        List.of(belongsTo(0, "user", "User", 1, integrity, declared),
            belongsTo(1, "group", "Group", 2, integrity, null)));
    return Schema.of(List.of(user, group, membership));
  }

  private static FieldSchema field(int index, String name, Type type, String column) {
    return new FieldSchema(index, name, type, false, null, null, column);
  }

  private static RelationSchema belongsTo(int index, String name, String target, int source,
      RelationSchema.Integrity integrity, RelationSchema.GraphEdge declared) {
    return new RelationSchema(index, name, RelationSchema.Kind.BELONGS_TO, target, "",
        List.of(source), List.of(0), false, null, List.of(), false, 0, null, integrity,
        declared);
  }
}
