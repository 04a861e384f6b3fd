package io.toasty.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.db.TableForeignKey.OnDelete;
import io.toasty.sql.ddl.DdlStatement.ColumnChange;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyAddition;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyDrop;
import io.toasty.sql.ddl.DdlStatement.IndexCreation;
import io.toasty.sql.ddl.DdlStatement.TableCreation;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One statement of the DDL tree in each dialect: the idempotent and the plain forms. */
class DdlRendererTest {
  private static final DdlColumn ID =
      new DdlColumn("id", Type.Scalar.I64, true, false, true, null);
  private static final DdlColumn AGE = new DdlColumn("age", Type.Scalar.I32, false, false, false,
      new ColumnDefault(ColumnDefault.Kind.NUM, "0"));
  private static final DdlTable PEOPLE = new DdlTable("people", List.of(ID, AGE), List.of("id"),
      List.of(new DdlIndex("people_age_idx", List.of("age"), false)));
  private static final DdlForeignKey PARENT = new DdlForeignKey("people_parent_fkey",
      List.of("age"), "people", List.of("id"), OnDelete.RESTRICT, null);

  @Test
  void aUniqueIndexOfLiveRowsIsPartialWhereTheDialectHasThem() {
    DdlIndex byName = new DdlIndex("people_name_key", List.of("name"), true,
        new LiveRows("deleted_at", false));
    assertEquals("CREATE UNIQUE INDEX IF NOT EXISTS \"people_name_key\" ON \"people\" "
        + "(\"name\") WHERE \"deleted_at\" IS NULL", new DdlRenderer(PostgresDialect.INSTANCE)
        .render(new IndexCreation("people", byName, true, List.of())));
    DdlIndex flagged = new DdlIndex("people_name_key", List.of("name"), true,
        new LiveRows("deleted", true));
    assertEquals("CREATE UNIQUE INDEX \"people_name_key\" ON \"people\" (\"name\") WHERE "
        + "\"deleted\" = 0", new DdlRenderer(SqliteDialect.INSTANCE)
        .render(new IndexCreation("people", flagged, false, List.of())));
  }

  /**
   * Without partial indexes (H2, MariaDB) a unique index of live rows holds the generated column
   * that is NULL once a row is deleted, added before the index and declared by CREATE TABLE.
   */
  @Test
  void aUniqueIndexOfLiveRowsHoldsTheGeneratedLiveColumnElsewhere() {
    DdlIndex byName = new DdlIndex("people_name_key", List.of("name"), true,
        new LiveRows("deleted_at", false));
    DdlRenderer h2 = new DdlRenderer(H2Dialect.INSTANCE);
    assertEquals(List.of("ALTER TABLE \"people\" ADD COLUMN IF NOT EXISTS \"toasty_live\" "
        + "SMALLINT GENERATED ALWAYS AS (CASE WHEN \"deleted_at\" IS NULL THEN 1 END)",
        "CREATE UNIQUE INDEX \"people_name_key\" ON \"people\" (\"name\", \"toasty_live\")"),
        h2.render(new IndexCreation("people", byName, false, List.of())
            .withLiveColumn(h2.syntax())));
    DdlIndex flagged = new DdlIndex("people_name_key", List.of("age"), true,
        new LiveRows("deleted", true));
    String created = new DdlRenderer(MySqlDialect.MARIADB).render(new TableCreation("people",
        new DdlTable("people", List.of(ID, AGE), List.of("id"), List.of(flagged)), List.of(),
        false));
    assertTrue(created.contains(", `toasty_live` SMALLINT GENERATED ALWAYS AS (CASE WHEN "
        + "`deleted` = FALSE THEN 1 END) STORED"), created);
    assertTrue(created.contains("UNIQUE KEY `people_name_key` (`age`, `toasty_live`)"), created);
    // a plain unique index holds its own columns only
    assertEquals(List.of("CREATE UNIQUE INDEX \"people_age_key\" ON \"people\" (\"age\")"),
        h2.render(new IndexCreation("people", new DdlIndex("people_age_key", List.of("age"),
            true), false, List.of()).withLiveColumn(h2.syntax())));
  }

  @Test
  void sqliteDeclaresAnIdentityKeyInItsColumn() {
    assertEquals("CREATE TABLE \"people\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
        + "\"age\" INTEGER DEFAULT 0 NOT NULL CONSTRAINT \"people_age_range\" CHECK (\"age\" "
        + "BETWEEN -2147483648 AND 2147483647))",
        new DdlRenderer(SqliteDialect.INSTANCE).render(
            new TableCreation("people", PEOPLE, List.of(), false)));
  }

  @Test
  void mariadbPlacesIndexesInCreateTableAndAddsThemOnTheTable() {
    DdlRenderer mariadb = new DdlRenderer(MySqlDialect.MARIADB);
    String create = mariadb.render(new TableCreation("people", PEOPLE, List.of(), true));
    assertEquals(true, create.startsWith("CREATE TABLE IF NOT EXISTS `people` (`id` BIGINT "
        + "AUTO_INCREMENT NOT NULL, `age` INT DEFAULT 0 NOT NULL, CONSTRAINT `people_pkey` "
        + "PRIMARY KEY (`id`), KEY `people_age_idx` (`age`))"), create);
    assertEquals("ALTER TABLE `people` ADD INDEX `people_age_idx` (`age`)", mariadb.render(
        new IndexCreation("people", PEOPLE.indexes().get(0), false, List.of())));
    assertEquals("ALTER TABLE `people` DROP FOREIGN KEY `people_parent_fkey`",
        mariadb.render(new ForeignKeyDrop("people", "people_parent_fkey", false)));
  }

  @Test
  void anIdempotentForeignKeyOnPostgresIsADoBlock() {
    DdlRenderer postgres = new DdlRenderer(PostgresDialect.INSTANCE);
    String plain = "ALTER TABLE \"people\" ADD CONSTRAINT \"people_parent_fkey\" FOREIGN KEY "
        + "(\"age\") REFERENCES \"people\" (\"id\") ON DELETE RESTRICT";
    assertEquals(plain, postgres.render(new ForeignKeyAddition("people", PARENT, false,
        List.of())));
    assertEquals("DO $$ BEGIN " + plain + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        postgres.render(new ForeignKeyAddition("people", PARENT, true, List.of())));
  }

  @Test
  void aColumnChangesInTheDialectsStyle() {
    DdlColumn wider = new DdlColumn("age", Type.Scalar.I64, false, true, false, null);
    assertEquals("ALTER TABLE \"people\" ALTER COLUMN \"age\" TYPE BIGINT USING CAST(\"age\" AS "
        + "BIGINT), ALTER COLUMN \"age\" DROP DEFAULT, ALTER COLUMN \"age\" DROP NOT NULL",
        new DdlRenderer(PostgresDialect.INSTANCE).render(new ColumnChange("people", AGE, wider)));
    assertEquals("ALTER TABLE \"people\" ALTER COLUMN \"age\" BIGINT NULL",
        new DdlRenderer(H2Dialect.INSTANCE).render(new ColumnChange("people", AGE, wider)));
  }

  @Test
  void aNameTheBackendWouldCutIsAnInvalidModel() {
    String name = "t".repeat(PostgresDialect.INSTANCE.maxIdentifierLength() + 1);
    assertThrows(InvalidModelException.class, () -> new DdlRenderer(PostgresDialect.INSTANCE)
        .render(new DdlStatement.TableDrop(name, true)));
  }
}
