package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.render.SqlStepRenderer;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.SnapshotJson;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys in generated migrations: a new table with its keys after the tables it refers to,
 * a relation added to an existing model as an added constraint (SQLite: the table rebuilt), a
 * cycle of tables closed by a key added after both exist, keys to unique indexes after the
 * indexes, and each step's inverse.
 */
class ForeignKeyDiffTest {
  private static FieldSchema field(int index, String name, Type type, boolean nullable,
      String column) {
    return new FieldSchema(index, name, type, nullable, null, null, column);
  }

  private static RelationSchema belongsTo(int index, String name, String target, int source,
      int referenced, boolean nullable) {
    return new RelationSchema(index, name, RelationSchema.Kind.BELONGS_TO, target, "",
        List.of(source), List.of(referenced), nullable, null);
  }

  private static ModelSchema author() {
    return new ModelSchema("Author", "t.Author", "authors", List.of(
        field(0, "id", Type.Scalar.I64, false, "id"),
        field(1, "email", Type.Scalar.STRING, false, "email")), List.of(0),
        List.of(new IndexSchema("authors_email_key", List.of(1), true)));
  }

  /** A post with an author id; {@code related}: with the belongs-to relation. */
  private static ModelSchema post(boolean related) {
    return new ModelSchema("Post", "t.Post", "posts", List.of(
        field(0, "id", Type.Scalar.I64, false, "id"),
        field(1, "authorId", Type.Scalar.I64, false, "author_id"),
        field(2, "editorEmail", Type.Scalar.STRING, true, "editor_email")), List.of(0),
        List.of(), related ? List.of(belongsTo(0, "author", "Author", 1, 0, false),
            belongsTo(1, "editor", "Author", 2, 1, true)) : List.of());
  }

  /** Registered child first: the migration still creates the author first. */
  private static SchemaSnapshot related() {
    return Snapshots.of(Schema.of(List.of(post(true), author())));
  }

  private static List<String> described(List<SchemaChange> changes) {
    return changes.stream().map(SchemaChange::describe).toList();
  }

  private static List<String> sql(SqlChoices choices, List<SchemaChange> changes) {
    SqlStepRenderer r = new SqlStepRenderer(choices);
    List<String> out = new ArrayList<>();
    changes.forEach(c -> out.addAll(r.render(c)));
    return out;
  }

  @Test
  void newTablesComeAfterTheTablesTheyReferToWithKeysToIndexesAfterTheIndexes() {
    List<SchemaChange> up = SchemaDiff.between(SchemaSnapshot.EMPTY, related(), false);
    assertEquals(List.of("create table authors", "create table posts",
        "add foreign key posts_editor_email_fkey (posts -> authors)"), described(up));
    List<String> pg = sql(SqlChoices.POSTGRESQL, up);
    assertTrue(pg.get(2).endsWith("CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY "
        + "(\"author_id\") REFERENCES \"authors\" (\"id\") ON DELETE CASCADE)"), pg.get(2));
    assertEquals("ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_editor_email_fkey\" FOREIGN KEY "
        + "(\"editor_email\") REFERENCES \"authors\" (\"email\") ON DELETE SET NULL", pg.get(3));
    List<String> h2 = sql(SqlChoices.H2, up);
    assertEquals("ALTER TABLE \"authors\" ADD CONSTRAINT IF NOT EXISTS \"authors_email_key\" "
        + "UNIQUE (\"email\")", h2.get(3));
    List<String> down = described(SchemaDiff.down(up));
    assertEquals(List.of("drop foreign key posts_editor_email_fkey (posts -> authors)",
        "drop table posts", "drop table authors"), down);
  }

  @Test
  void aRelationAddedToAnExistingModelAddsItsConstraint() {
    SchemaSnapshot before = Snapshots.of(Schema.of(List.of(post(false), author())));
    List<SchemaChange> up = SchemaDiff.between(before, related(), false);
    assertEquals(List.of("add foreign key posts_author_id_fkey (posts -> authors)",
        "add foreign key posts_editor_email_fkey (posts -> authors)"), described(up));
    assertEquals("ALTER TABLE `posts` MODIFY COLUMN `editor_email` VARCHAR(255), ADD CONSTRAINT "
        + "`posts_editor_email_fkey` FOREIGN KEY (`editor_email`) REFERENCES `authors` (`email`) "
        + "ON DELETE SET NULL", sql(SqlChoices.MARIADB, up).get(1));
    List<String> sqlite = sql(SqlChoices.SQLITE, up.subList(0, 1));
    assertTrue(sqlite.get(0).startsWith("CREATE TABLE \"posts__toasty_new\""), sqlite.get(0));
    assertTrue(sqlite.get(0).contains("CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY"),
        sqlite.get(0));
    assertEquals("ALTER TABLE \"posts__toasty_new\" RENAME TO \"posts\"", sqlite.get(3));
    List<SchemaChange> down = SchemaDiff.down(up);
    assertEquals("ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_editor_email_fkey\"",
        sql(SqlChoices.POSTGRESQL, down).get(0));
    assertEquals("ALTER TABLE `posts` DROP FOREIGN KEY `posts_editor_email_fkey`",
        sql(SqlChoices.MARIADB, down).get(0));
    assertEquals(up, SchemaDiff.down(down));
  }

  @Test
  void tablesReferringToEachOtherAreClosedByAKeyAddedAfterBoth() {
    ModelSchema team = new ModelSchema("Team", "t.Team", "teams", List.of(
        field(0, "id", Type.Scalar.I64, false, "id"),
        field(1, "captainId", Type.Scalar.I64, true, "captain_id")), List.of(0), List.of(),
        List.of(belongsTo(0, "captain", "Player", 1, 0, true)));
    ModelSchema player = new ModelSchema("Player", "t.Player", "players", List.of(
        field(0, "id", Type.Scalar.I64, false, "id"),
        field(1, "teamId", Type.Scalar.I64, false, "team_id")), List.of(0), List.of(),
        List.of(belongsTo(0, "team", "Team", 1, 0, false)));
    SchemaSnapshot both = Snapshots.of(Schema.of(List.of(team, player)));
    List<SchemaChange> up = SchemaDiff.between(SchemaSnapshot.EMPTY, both, false);
    // Tables by name: players first, which needs teams, whose key back closes the cycle.
    assertEquals(List.of("create table teams", "create table players",
        "add foreign key teams_captain_id_fkey (teams -> players)"), described(up));
    List<SchemaChange> drop = SchemaDiff.between(both, SchemaSnapshot.EMPTY, true);
    assertEquals(List.of("drop foreign key teams_captain_id_fkey (teams -> players)",
        "drop table players", "drop table teams"), described(drop));
  }

  @Test
  void aSnapshotWithoutForeignKeysReadsAsBeforeAndOneWithThemReadsBack() {
    SchemaSnapshot plain = Snapshots.of(Schema.of(List.of(post(false), author())));
    String json = SnapshotJson.write(plain);
    assertTrue(!json.contains("foreignKeys"), json);
    String withKeys = SnapshotJson.write(related());
    assertTrue(withKeys.contains("\"referencedIndex\" : \"authors_email_key\""), withKeys);
    assertEquals(related(), SnapshotJson.read(withKeys, "test"));
    assertTrue(SchemaDiff.between(related(), related(), false).isEmpty());
  }
}
