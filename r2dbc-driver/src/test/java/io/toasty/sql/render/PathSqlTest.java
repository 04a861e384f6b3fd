package io.toasty.sql.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A path query's recursive CTE per dialect: the same shape everywhere, with each dialect's
 * visited column ({@link PathCycles}): how a key becomes text, how text is joined, how a
 * substring is found, how wide the anchor declares the column.
 */
class PathSqlTest {
  private static final Schema SCHEMA = Schema.of(List.of(
      new ModelSchema("Person", "x.Person", "people", List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name")),
          List.of(0), List.of()),
      new ModelSchema("Follow", "x.Follow", "follows", List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "a", Type.Scalar.I64, false, null, null, "a"),
          new FieldSchema(2, "b", Type.Scalar.I64, false, null, null, "b")),
          List.of(0), List.of())));

  private static PathNode path(PathNode.Mode mode) {
    return new PathNode("people", new ExprNode.Compare(ExprNode.CompareOp.EQ,
        new ExprNode.Column("people", 1), new ExprNode.Const(new Value.Str("ann"))),
        new PathNode.Hop.Edge("follows", List.of(1), List.of(2), ExprNode.TRUE), 1, 3,
        ExprNode.TRUE, mode);
  }

  private static String sql(SqlDialect dialect, PathNode.Mode mode) {
    return new SqlRenderer(dialect, SCHEMA).render(path(mode)).sql();
  }

  @Test
  void postgresqlWritesOneRecursiveCte() {
    assertEquals("WITH RECURSIVE \"toasty_path\"(\"k0\", \"toasty_depth\", \"toasty_visited\")"
        + " AS (SELECT \"people\".\"id\", 0, '/' || CAST(\"people\".\"id\" AS TEXT) || '/'"
        + " FROM \"people\" WHERE (\"people\".\"name\" = $1) UNION ALL"
        + " SELECT \"follows\".\"b\", \"toasty_path\".\"toasty_depth\" + 1,"
        + " \"toasty_path\".\"toasty_visited\" || CAST(\"follows\".\"b\" AS TEXT) || '/'"
        + " FROM \"toasty_path\" JOIN \"follows\" ON \"follows\".\"a\" = \"toasty_path\".\"k0\""
        + " WHERE \"toasty_path\".\"toasty_depth\" < 3 AND \"follows\".\"b\" IS NOT NULL"
        + " AND POSITION('/' || CAST(\"follows\".\"b\" AS TEXT) || '/' IN"
        + " \"toasty_path\".\"toasty_visited\") = 0)"
        + " SELECT \"people\".\"id\", \"people\".\"name\", \"toasty_path\".\"toasty_depth\""
        + " FROM \"toasty_path\" JOIN \"people\" ON \"people\".\"id\" = \"toasty_path\".\"k0\""
        + " WHERE \"toasty_path\".\"toasty_depth\" >= 1 ORDER BY \"toasty_path\".\"toasty_depth\"",
        sql(PostgresDialect.INSTANCE, PathNode.Mode.ALL));
  }

  @Test
  void eachDialectWritesItsVisitedColumn() {
    String maria = sql(MySqlDialect.MARIADB, PathNode.Mode.ALL);
    assertTrue(maria.contains("CAST(CONCAT('/', CAST(`people`.`id` AS CHAR), '/') AS CHAR(16000))")
        && maria.contains("LOCATE(CONCAT('/', CAST(`follows`.`b` AS CHAR), '/'),"), maria);
    String sqlite = sql(SqliteDialect.INSTANCE, PathNode.Mode.ALL);
    assertTrue(sqlite.contains("'/' || HEX(\"people\".\"id\") || '/'")
        && sqlite.contains("INSTR(\"toasty_path\".\"toasty_visited\", '/' || HEX("), sqlite);
    String h2 = sql(H2Dialect.INSTANCE, PathNode.Mode.ALL);
    assertTrue(h2.contains("AS VARCHAR(1000000))") && h2.contains("LOCATE('/' || CAST("), h2);
  }

  @Test
  void distinctKeepsEachRowsLeastDepthAndShortestTheFirst() {
    String distinct = sql(PostgresDialect.INSTANCE, PathNode.Mode.DISTINCT);
    assertTrue(distinct.contains("FROM (SELECT \"k0\", MIN(\"toasty_depth\") AS \"toasty_depth\""
        + " FROM \"toasty_path\" WHERE \"toasty_depth\" >= 1 GROUP BY \"k0\") \"toasty_path\""),
        distinct);
    assertTrue(sql(PostgresDialect.INSTANCE, PathNode.Mode.SHORTEST).endsWith(" LIMIT 1"));
    assertTrue(sql(H2Dialect.INSTANCE, PathNode.Mode.SHORTEST)
        .endsWith(" FETCH FIRST 1 ROWS ONLY"));
  }
}
