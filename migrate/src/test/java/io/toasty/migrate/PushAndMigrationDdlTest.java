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
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.sql.push.SchemaDdl;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema push and a migration from an empty schema write the same DDL, per SQL dialect: both
 * build the DDL tree and one renderer writes it. The schema has a column of every kind, an
 * identity key, indexes, unique indexes and foreign keys. The differences are by design, and each
 * test's name says them: push is idempotent ({@code IF NOT EXISTS}; on PostgreSQL a foreign key
 * added later sits in a {@code DO} block that ignores one already there) and creates every table
 * before any index, where a migration creates each table's indexes after it; a migration adds a
 * key to a unique index as a step of its own after the tables (its diff does not know the
 * dialect), where push declares it in CREATE TABLE on the dialects that can (MySQL, MariaDB,
 * SQLite).
 */
class PushAndMigrationDdlTest {
  private static final Pattern DO_BLOCK = Pattern.compile(
      "^DO \\$\\$ BEGIN (.*); EXCEPTION WHEN duplicate_object THEN NULL; END \\$\\$$");

  static List<SqlChoices> dialects() {
    return SqlChoices.ALL;
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void sameDdlButPushIsIdempotentAndMakesEveryTableBeforeTheIndexes(SqlChoices choices) {
    Schema schema = schema(false);
    List<String> push = new SchemaDdl(choices.dialect(), schema).create();
    assertTrue(push.stream().allMatch(s -> s.contains(" IF NOT EXISTS ")), push::toString);
    assertEquals(sorted(migration(choices, schema)), sorted(push));
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aKeyToAUniqueIndexIsTheSameButAStepOfItsOwnInMigrationsWherePushDeclaresItInCreateTable(
      SqlChoices choices) {
    Schema schema = schema(true);
    List<String> push = new SchemaDdl(choices.dialect(), schema).create();
    List<String> migration = migration(choices, schema);
    boolean inCreateTable = push.stream().anyMatch(s -> s.startsWith("CREATE TABLE")
        && s.contains("posts_editor_email_fkey"));
    if (inCreateTable) {
      String last = migration.get(migration.size() - 1);
      assertTrue(last.contains("posts_editor_email_fkey") || last.startsWith("CREATE"),
          migration::toString);
      assertTrue(migration.stream().noneMatch(s -> s.startsWith("CREATE TABLE \"posts\"")
          && s.contains("posts_editor_email_fkey")), migration::toString);
    } else {
      assertEquals(sorted(migration), sorted(push));
    }
  }

  /**
   * A soft-deleted model's unique indexes hold its live rows: partial on the dialects that have
   * partial indexes (PostgreSQL, SQLite), with a generated column elsewhere (H2, MariaDB), in a
   * migration as in push.
   */
  @ParameterizedTest
  @MethodSource("dialects")
  void sameUniqueIndexesOfLiveRowsForASoftDeletedModel(SqlChoices choices) {
    Schema schema = schema(false);
    ModelSchema authors = schema.model("Author");
    List<FieldSchema> fields = new ArrayList<>(authors.fields());
    fields.add(new FieldSchema(3, "deletedAt", Type.Scalar.INSTANT, true,
        AutoStrategy.SOFT_DELETE, null, "deleted_at"));
    schema = Schema.of(List.of(schema.model("Post"), new ModelSchema("Author", "t.Author",
        "authors", fields, authors.primaryKey(), authors.indexes())));
    List<String> push = new SchemaDdl(choices.dialect(), schema).create();
    List<String> migration = migration(choices, schema);
    assertEquals(sorted(migration), sorted(push));
    boolean partial = push.stream().anyMatch(s -> s.contains("authors_email_key")
        && s.endsWith(" WHERE \"deleted_at\" IS NULL"));
    assertEquals(choices.ddl().partialIndexes(), partial, push::toString);
    // elsewhere (H2, MariaDB) it holds the generated column of live rows after its own
    boolean generated = push.stream().anyMatch(s -> s.contains("authors_email_key")
        && s.contains("toasty_live"));
    assertEquals(choices.ddl().generatedStorage() != null, generated, push::toString);
    // the snapshot file keeps it, and a plain index has no "live" at all
    SchemaSnapshot snapshot = Snapshots.of(schema);
    String json = SnapshotJson.write(snapshot);
    assertEquals(snapshot, SnapshotJson.read(json, "test"));
    assertEquals(1, json.split("\"live\"", -1).length - 1, json);
  }

  private static List<String> migration(SqlChoices choices, Schema schema) {
    SqlStepRenderer renderer = new SqlStepRenderer(choices);
    List<SchemaChange> up = SchemaDiff.between(new SchemaSnapshot(SchemaSnapshot.FORMAT, List.of()),
        Snapshots.of(schema), false);
    return up.stream().flatMap(c -> renderer.render(c).stream()).toList();
  }

  /** Statements in order, without what makes them idempotent. */
  private static List<String> sorted(List<String> statements) {
    List<String> out = new ArrayList<>();
    for (String statement : statements) {
      var block = DO_BLOCK.matcher(statement);
      out.add((block.matches() ? block.group(1) : statement).replace(" IF NOT EXISTS", ""));
    }
    out.sort(null);
    return out;
  }

  /** Authors and posts; {@code editor}: with a post's key to its editor's unique email. */
  private static Schema schema(boolean editor) {
    ModelSchema author = new ModelSchema("Author", "t.Author", "authors", List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
        field(1, "email", Type.Scalar.STRING, false, "email"),
        field(2, "name", Type.Scalar.STRING, true, "name")), List.of(0),
        List.of(new IndexSchema("authors_email_key", List.of(1), true),
            new IndexSchema("authors_name_idx", List.of(2), false)));
    List<FieldSchema> fields = new ArrayList<>(List.of(
        field(0, "id", Type.Scalar.UUID, false, "id"),
        field(1, "authorId", Type.Scalar.I64, false, "author_id"),
        field(2, "editorEmail", Type.Scalar.STRING, true, "editor_email")));
    List<Type> kinds = List.of(Type.Scalar.BOOL, Type.Scalar.I8, Type.Scalar.I16, Type.Scalar.I32,
        Type.Scalar.I64, Type.Scalar.F32, Type.Scalar.F64, Type.Scalar.STRING, Type.Scalar.BYTES,
        Type.Scalar.DECIMAL, Type.Scalar.INSTANT, Type.Scalar.LOCAL_DATE,
        Type.Scalar.LOCAL_TIME, Type.Scalar.LOCAL_DATE_TIME, Type.Scalar.OFFSET_DATE_TIME,
        Type.Scalar.JSON, new Type.Enum("ENUM", List.of()),
        new Type.CollectionOf(Type.CollectionOf.Shape.LIST, Type.Scalar.STRING));
    for (Type kind : kinds) {
      int i = fields.size();
      fields.add(field(i, "v" + i, kind, true, "v_" + i));
    }
    ModelSchema post = new ModelSchema("Post", "t.Post", "posts", fields, List.of(0),
        // in name order, as a snapshot keeps them (MySQL declares them in CREATE TABLE)
        List.of(new IndexSchema("posts_author_id_v_10_key", List.of(1, 10), true),
            new IndexSchema("posts_v_3_idx", List.of(3), false)),
        editor ? List.of(belongsTo(0, "author", "Author", 1, 0, false),
            belongsTo(1, "editor", "Author", 2, 1, true))
            : List.of(belongsTo(0, "author", "Author", 1, 0, false)));
    return Schema.of(List.of(post, author));
  }

  private static FieldSchema field(int index, String name, Type type, boolean nullable,
      String column) {
    return new FieldSchema(index, name, type, nullable, null, null, column);
  }

  private static RelationSchema belongsTo(int index, String name, String target, int source,
      int referenced, boolean nullable) {
    return new RelationSchema(index, name, RelationSchema.Kind.BELONGS_TO, target, "",
        List.of(source), List.of(referenced), nullable, null);
  }
}
