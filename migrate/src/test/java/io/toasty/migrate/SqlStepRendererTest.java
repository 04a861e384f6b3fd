package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.render.SqlStepRenderer;
import io.toasty.migrate.snapshot.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL of the fixture's V1 -> V2 change in each dialect: one row of choices each. */
class SqlStepRendererTest {

  private static List<String> sql(SqlChoices choices) {
    List<SchemaChange> up = SchemaDiff.between(Snapshots.of(Fixture.v1()), Snapshots.of(Fixture.v2()),
        false);
    SqlStepRenderer r = new SqlStepRenderer(choices);
    return up.stream().flatMap(c -> r.render(c).stream()).toList();
  }

  @Test
  void postgresql() {
    assertEquals(List.of(
        "ALTER TABLE \"members\" RENAME COLUMN \"name\" TO \"display_name\"",
        "ALTER TABLE \"members\" ADD COLUMN \"nickname\" TEXT",
        "ALTER TABLE \"members\" ADD COLUMN \"visits\" INTEGER DEFAULT 0 NOT NULL",
        "ALTER TABLE \"members\" ALTER COLUMN \"age\" TYPE BIGINT USING CAST(\"age\" AS BIGINT)",
        "CREATE INDEX \"members_nickname_idx\" ON \"members\" (\"nickname\")"),
        sql(SqlChoices.POSTGRESQL));
  }

  @Test
  void mariadbRetypesAColumnItIndexes() {
    List<String> sql = sql(SqlChoices.MARIADB);
    assertEquals("ALTER TABLE `members` MODIFY COLUMN `age` BIGINT NOT NULL", sql.get(3));
    assertEquals("ALTER TABLE `members` MODIFY COLUMN `nickname` VARCHAR(255), ADD INDEX "
        + "`members_nickname_idx` (`nickname`)", sql.get(4));
  }

  @Test
  void h2RestatesTheDefinition() {
    assertEquals("ALTER TABLE \"members\" ALTER COLUMN \"age\" BIGINT NOT NULL",
        sql(SqlChoices.H2).get(3));
  }

  @Test
  void sqliteRebuildsTheTable() {
    List<String> sql = sql(SqlChoices.SQLITE);
    assertEquals(List.of(
        "CREATE TABLE \"members__toasty_new\" (\"id\" TEXT NOT NULL, \"display_name\" TEXT NOT "
            + "NULL, \"age\" INTEGER NOT NULL CONSTRAINT \"members_age_range\" CHECK (\"age\" "
            + "BETWEEN -9223372036854775808 AND 9223372036854775807), \"nickname\" TEXT, "
            + "\"visits\" INTEGER DEFAULT 0 NOT NULL CONSTRAINT \"members_visits_range\" CHECK "
            + "(\"visits\" BETWEEN -2147483648 AND 2147483647), CONSTRAINT \"members_pkey\" "
            + "PRIMARY KEY (\"id\"))",
        "INSERT INTO \"members__toasty_new\" (\"id\", \"display_name\", \"age\", \"nickname\", "
            + "\"visits\") SELECT \"id\", \"display_name\", CAST(\"age\" AS INTEGER), "
            + "\"nickname\", \"visits\" FROM \"members\"",
        "DROP TABLE \"members\"",
        "ALTER TABLE \"members__toasty_new\" RENAME TO \"members\""), sql.subList(3, 7));
  }
}
