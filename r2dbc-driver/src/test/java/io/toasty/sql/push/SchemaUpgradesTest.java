package io.toasty.sql.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.SchemaUpgrade.Kind;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What schema push adds to existing tables, from the catalog's names alone: each missing index,
 * range CHECK and foreign key in that order, in place with ALTER where the dialect alters, as the
 * table's rebuild where it does not (SQLite); nothing for what exists or for a table push creates
 * whole. The live databases run it in the TCK's {@code SchemaUpgradeScenarios}.
 */
class SchemaUpgradesTest {
  /** Books with a byte rank (a range CHECK on PostgreSQL and SQLite). */
  static final Schema SCHEMA = Schema.of(List.of(ForeignKeySchemaTest.AUTHOR, withRank()));

  private static ModelSchema withRank() {
    ModelSchema book = ForeignKeySchemaTest.BOOK;
    List<FieldSchema> fields = new ArrayList<>(book.fields());
    fields.add(ForeignKeySchemaTest.field(3, "rank", Type.Scalar.I8, false, "rank"));
    return new ModelSchema(book.name(), book.javaClass(), book.tableName(), fields,
        book.primaryKey(), book.indexes(), book.relations());
  }

  private static ExistingSchema tables(List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>(List.of(
        Arrays.asList("authors", "", null), Arrays.asList("books", "", null)));
    all.addAll(rows);
    return ExistingSchema.of(all);
  }

  @Test
  void postgresqlAddsIndexesThenChecksThenKeysInPlace() {
    List<SchemaUpgrade> upgrades = new SchemaUpgrades(PostgresDialect.INSTANCE, SCHEMA)
        .of(tables(List.of()));
    assertEquals(List.of("books_isbn_key", "books_rank_range", "books_author_id_fkey"),
        upgrades.stream().map(SchemaUpgrade::name).toList());
    assertEquals(List.of(Kind.UNIQUE, Kind.RANGE_CHECK, Kind.FOREIGN_KEY),
        upgrades.stream().map(SchemaUpgrade::kind).toList());
    assertTrue(upgrades.stream().allMatch(SchemaUpgrade::inPlace));
    assertEquals(List.of("DO $$ BEGIN ALTER TABLE \"books\" ADD CONSTRAINT \"books_rank_range\" "
        + "CHECK (\"rank\" BETWEEN -128 AND 127); EXCEPTION WHEN duplicate_object THEN NULL; "
        + "END $$"), upgrades.get(1).statements());
    assertEquals(List.of("CREATE UNIQUE INDEX IF NOT EXISTS \"books_isbn_key\" ON \"books\" "
        + "(\"isbn\")"), upgrades.get(0).statements());
  }

  @Test
  void whatTheCatalogNamesIsNotAddedAgain() {
    assertEquals(List.of(), new SchemaUpgrades(PostgresDialect.INSTANCE, SCHEMA).of(tables(
        List.of(List.of("books", "BOOKS_ISBN_KEY", ""), List.of("books", "books_rank_range", ""),
            List.of("books", "books_author_id_fkey", "")))));
  }

  @Test
  void aTableThatDoesNotExistIsLeftToCreateTable() {
    assertEquals(List.of(), new SchemaUpgrades(PostgresDialect.INSTANCE, SCHEMA)
        .of(ExistingSchema.of(List.of(Arrays.asList("authors", "", null)))));
  }

  @Test
  void sqliteRebuildsTheTableForACheckOrAKeyAndFindsThemInItsCreateText() {
    String older = "CREATE TABLE \"books\" (\"id\" INTEGER NOT NULL, \"author_id\" INTEGER NOT "
        + "NULL, \"isbn\" TEXT NOT NULL, \"rank\" INTEGER NOT NULL, PRIMARY KEY (\"id\"))";
    SchemaDdl ddl = new SchemaDdl(SqliteDialect.INSTANCE, SCHEMA);
    List<String> authors = List.of("authors", "", ddl.createTable(SCHEMA.table("authors")));
    List<SchemaUpgrade> upgrades = new SchemaUpgrades(SqliteDialect.INSTANCE, SCHEMA)
        .of(ExistingSchema.of(List.of(authors, List.of("books", "", older))));
    assertTrue(upgrades.stream().allMatch(u -> u.table().equals("books")), upgrades.toString());
    SchemaUpgrade unique = upgrades.get(0);
    assertEquals(Kind.UNIQUE, unique.kind());
    assertTrue(unique.inPlace(), "SQLite creates an index on an existing table");
    List<SchemaUpgrade> rebuilt = upgrades.subList(1, upgrades.size());
    assertTrue(rebuilt.stream().noneMatch(SchemaUpgrade::inPlace), rebuilt.toString());
    assertTrue(rebuilt.stream().map(SchemaUpgrade::name).toList()
        .containsAll(List.of("books_rank_range", "books_author_id_fkey")), rebuilt.toString());
    List<String> script = rebuilt.get(0).statements();
    assertEquals(List.of("PRAGMA foreign_keys = OFF", "BEGIN"), script.subList(0, 2));
    assertTrue(script.get(2).startsWith("CREATE TABLE \"books__rebuild\" ("), script.get(2));
    assertTrue(script.get(2).contains("CONSTRAINT \"books_author_id_fkey\" FOREIGN KEY"));
    assertEquals("INSERT INTO \"books__rebuild\" (\"id\", \"author_id\", \"isbn\", \"rank\") "
        + "SELECT \"id\", \"author_id\", \"isbn\", \"rank\" FROM \"books\"", script.get(3));
    assertEquals(List.of("DROP TABLE \"books\"",
        "ALTER TABLE \"books__rebuild\" RENAME TO \"books\"",
        "CREATE UNIQUE INDEX IF NOT EXISTS \"books_isbn_key\" ON \"books\" (\"isbn\")",
        "PRAGMA foreign_key_check(\"books\")", "COMMIT", "PRAGMA foreign_keys = ON"),
        script.subList(4, script.size()));
    assertTrue(rebuilt.stream().allMatch(u -> u.statements().equals(script)),
        "one script adds all the table lacks");

    String current = ddl.createTable(SCHEMA.table("books"));
    assertEquals(List.of(), new SchemaUpgrades(SqliteDialect.INSTANCE, SCHEMA).of(
        ExistingSchema.of(List.of(authors, List.of("books", "books_isbn_key", current)))));
  }
}
