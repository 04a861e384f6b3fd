package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.sqlite.SqlCommand.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScannerTest {

  private static SqlCommand one(String sql) {
    List<SqlCommand> commands = SqlScanner.parse(sql);
    assertEquals(1, commands.size(), commands.toString());
    return commands.get(0);
  }

  @Test
  void numbersParametersLikeSqlite() {
    // SQLite: ?3 -> 3, :a -> 4, ? -> 5, @a -> 6 (another name), $b -> 7, :a again -> 4
    SqlCommand c = one("SELECT ?3, :a, ?, @a, $b, :a");
    assertEquals(7, c.parameterCount());
    assertEquals(Map.of("?3", 2, ":a", 3, "@a", 5, "$b", 6), c.names());
    assertEquals(List.of(3, 5), c.slotsOf("a"));
    assertEquals(List.of(3), c.slotsOf(":a"));
    assertEquals(List.of(2), c.slotsOf("?3"));
    assertEquals(List.of(), c.slotsOf("zz"));
  }

  @Test
  void skipsLiteralsIdentifiersAndComments() {
    SqlCommand c = one("SELECT '?;' || \"a?\" || `b;` || [c?] -- ? ;\n /* ? ; */ FROM t WHERE x = ?");
    assertEquals(1, c.parameterCount());
    assertEquals(Kind.QUERY, c.kind());
    assertEquals(1, one("SELECT 'it''s ?', ?").parameterCount());
  }

  @Test
  void splitsStatementsButNotTriggerBodies() {
    List<SqlCommand> commands = SqlScanner.parse("CREATE TABLE a(x); ;"
        + "CREATE TRIGGER t AFTER INSERT ON a BEGIN "
        + "  UPDATE a SET x = CASE WHEN x > 0 THEN 1 ELSE 0 END; DELETE FROM a WHERE 0; END;"
        + " INSERT INTO a VALUES (1) -- done");
    assertEquals(3, commands.size());
    assertTrue(commands.get(1).sql().endsWith("END"), commands.get(1).sql());
    assertEquals(Kind.OTHER, commands.get(1).kind());
    assertEquals(Kind.DML, commands.get(2).kind());
    assertEquals(List.of(), SqlScanner.parse(" ; -- nothing\n"));
  }

  @Test
  void classifiesStatements() {
    assertEquals(Kind.QUERY, one("select 1").kind());
    assertEquals(Kind.QUERY, one("VALUES (1)").kind());
    assertEquals(Kind.QUERY, one("WITH x AS (INSERT INTO t VALUES(1)) SELECT 1").kind());
    assertEquals(Kind.DML, one("WITH x(n) AS (SELECT 1) INSERT INTO t SELECT n FROM x").kind());
    assertEquals(Kind.DML, one("replace into t values (1)").kind());
    assertEquals(Kind.DML, one("UPDATE t SET a = 1").kind());
    assertEquals(Kind.DML, one("DELETE FROM t").kind());
    assertEquals(Kind.BEGIN, one("BEGIN EXCLUSIVE").kind());
    assertEquals(Kind.COMMIT, one("END TRANSACTION").kind());
    assertEquals(Kind.ROLLBACK, one("ROLLBACK").kind());
    assertEquals(Kind.OTHER, one("ROLLBACK TO SAVEPOINT s").kind());
    assertEquals(Kind.SAVEPOINT, one("SAVEPOINT s").kind());
    assertEquals(Kind.OTHER, one("PRAGMA foreign_keys").kind());
    assertEquals(Kind.OTHER, one("CREATE TABLE t(a)").kind());
  }

  @Test
  void appendsReturningBeforeTrailingComments() {
    SqlCommand insert = one("INSERT INTO t(a) VALUES (?), (?) -- two rows\n;");
    assertEquals("INSERT INTO t(a) VALUES (?), (?) RETURNING \"id\", \"we\"\"ird\" -- two rows\n",
        insert.sql(new String[] {"id", "we\"ird"}));
    assertEquals("INSERT INTO t(a) VALUES (1) RETURNING *",
        one("INSERT INTO t(a) VALUES (1)").sql(new String[0]));
    assertEquals("INSERT INTO t(a) VALUES (1)", one("INSERT INTO t(a) VALUES (1)").sql(null));
    SqlCommand returning = one("INSERT INTO t(a) VALUES (1) RETURNING a");
    assertTrue(returning.hasReturning());
    assertEquals(returning.sql(), returning.sql(new String[] {"id"}));
    assertEquals("SELECT 1", one("SELECT 1").sql(new String[] {"id"}));
    assertFalse(one("INSERT INTO t(returning_count) VALUES (1)").hasReturning());
  }
}
