package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import io.toasty.value.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each backend's migration files name the tables and columns the models did not name as that
 * backend's {@code Db} does by default: snake case in the SQL folders, labels after the record and
 * camel-case properties in the Neo4j folder, which keeps its own snapshot so that its next
 * migration diffs from its own names; {@code naming(..)} names every folder one way.
 */
class MigrationGeneratorNamingTest {
  @TempDir
  Path dir;

  @Test
  void eachFolderIsNamedAsItsBackendsDb() throws IOException {
    MigrationGenerator generator = MigrationGenerator.of(dir);
    assertEquals(Optional.of(1), generator.generate(bookmarks(false), "bookmarks"));
    String sql = read("postgresql", "V1__bookmarks.sql");
    assertTrue(sql.contains("\"bookmarks\"") && sql.contains("\"click_count\""), sql);
    String cypher = read("neo4j", "V1__bookmarks.cypher");
    assertTrue(cypher.contains("Bookmark_pkey") && cypher.contains("Bookmark_url_key")
        && cypher.contains("(n:`${labelPrefix}Bookmark`)"), cypher);
    assertFalse(cypher.contains("}bookmarks"), cypher);
    assertTrue(Files.exists(dir.resolve("neo4j/snapshot.json")));
    assertTrue(Files.readString(dir.resolve("snapshot.json")).contains("click_count"));

    assertEquals(Optional.of(2), generator.generate(bookmarks(true), "index clicks"));
    String second = read("neo4j", "V2__index_clicks.cypher");
    assertTrue(second.contains("Bookmark_click_count_idx")
        && second.contains("ON (n.`clickCount`)"), second);
    assertFalse(second.contains("DROP"), "diffed from the folder's own names: " + second);
    String secondSql = read("postgresql", "V2__index_clicks.sql");
    assertTrue(secondSql.contains("\"bookmarks_click_count_idx\""), secondSql);
  }

  @Test
  void aChosenStrategyNamesEveryFolder() throws IOException {
    MigrationGenerator generator = MigrationGenerator.of(dir).naming(NamingStrategy.declared());
    assertEquals(Optional.of(1), generator.generate(bookmarks(false), "bookmarks"));
    String cypher = read("neo4j", "V1__bookmarks.cypher");
    assertTrue(cypher.contains("(n:`${labelPrefix}bookmarks`)"), cypher);
    assertFalse(Files.exists(dir.resolve("neo4j/snapshot.json")));
  }

  /**
   * A folder whose Neo4j files were written with snake-case labels, generated on under Neo4j's
   * default names: every label would change, which loses the stored nodes, so the generator
   * refuses until the application chooses (keep {@code declared()}, or allow the rename).
   */
  @Test
  void changingAFoldersNamesIsDestructive() {
    assertEquals(Optional.of(1), MigrationGenerator.of(dir).naming(NamingStrategy.declared())
        .generate(bookmarks(false), "bookmarks"));
    assertThrows(DestructiveChangeException.class,
        () -> MigrationGenerator.of(dir).generate(bookmarks(true), "index clicks"));
    assertEquals(Optional.of(2), MigrationGenerator.of(dir).naming(NamingStrategy.declared())
        .generate(bookmarks(true), "index clicks"));
  }

  /**
   * A project whose migrations have no Neo4j folder (its backends are SQL ones) does not migrate
   * Neo4j: the Neo4j folder is not written, and the models unchanged give no migration, rather
   * than one renaming every label from the shared snapshot's names.
   */
  @Test
  void aBackendTheProjectDoesNotMigrateStaysUnwritten() throws IOException {
    assertEquals(Optional.of(1), MigrationGenerator.of(dir).generate(bookmarks(false), "bookmarks"));
    try (var files = Files.walk(dir.resolve("neo4j"))) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    assertEquals(Optional.empty(), MigrationGenerator.of(dir).generate(bookmarks(false), "none"));
    assertEquals(Optional.of(2), MigrationGenerator.of(dir).generate(bookmarks(true), "clicks"));
    assertTrue(Files.exists(dir.resolve("postgresql/V2__clicks.sql")));
    assertFalse(Files.exists(dir.resolve("neo4j")));
  }

  private String read(String folder, String file) throws IOException {
    return Files.readString(dir.resolve(folder).resolve(file));
  }

  /** A bookmark model as the processor derives its names, its click count indexed or not. */
  private static Schema bookmarks(boolean indexClicks) {
    List<IndexSchema> indexes = indexClicks
        ? List.of(new IndexSchema("bookmarks_url_key", List.of(1), true),
            new IndexSchema("bookmarks_click_count_idx", List.of(2), false))
        : List.of(new IndexSchema("bookmarks_url_key", List.of(1), true));
    return Schema.of(List.of(new ModelSchema("Bookmark", "test.Bookmark", "bookmarks", List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
        new FieldSchema(1, "url", Type.Scalar.STRING, false, null, null, "url"),
        new FieldSchema(2, "clickCount", Type.Scalar.I32, false, null, null, "click_count")),
        List.of(0), indexes)));
  }
}
