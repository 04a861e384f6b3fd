package io.toasty.sql.render;

import static io.toasty.r2dbc.Fixtures.arg;
import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL per dialect of the tests of a stored collection's items. */
class CollectionSqlTest {
  private static final Type.CollectionOf TAGS =
      new Type.CollectionOf(Type.CollectionOf.Shape.LIST, Type.Scalar.STRING);
  private static final Type.CollectionOf IDS =
      new Type.CollectionOf(Type.CollectionOf.Shape.SET, Type.Scalar.UUID);
  private static final Type.CollectionOf COUNTS =
      new Type.CollectionOf(Type.CollectionOf.Shape.MAP, Type.Scalar.I64);

  private static String sql(SqlDialect dialect, ExprNode filter) {
    Query q = new Query(new Source.Table("users"), filter,
        new Returning.Project(List.of(col("users", 0))), List.of(), null);
    return new SqlRenderer(dialect, Fixtures.SCHEMA).render(q).sql();
  }

  private static ExprNode contains(Type.CollectionOf type) {
    return new ExprNode.Contains(col("users", 2), type, arg(0));
  }

  private static ExprNode isEmpty(Type.CollectionOf type) {
    return new ExprNode.IsEmpty(col("users", 2), type);
  }

  private static final String SELECT = "SELECT \"id\" FROM \"users\" WHERE ";

  @Test
  void columnsAreArraysOnPostgresqlAndJsonElsewhere() {
    assertEquals("TEXT[]", PostgresDialect.INSTANCE.columnType(TAGS, false));
    assertEquals("UUID[]", PostgresDialect.INSTANCE.columnType(IDS, false));
    assertEquals("JSONB", PostgresDialect.INSTANCE.columnType(COUNTS, false));
    assertEquals("JSON", MySqlDialect.MARIADB.columnType(TAGS, false));
    assertEquals("TEXT", SqliteDialect.INSTANCE.columnType(IDS, false));
    assertEquals("CHARACTER VARYING", H2Dialect.INSTANCE.columnType(COUNTS, false));
  }

  @Test
  void postgresqlAddsAndRemovesItemsInOrder() {
    SqlDialect pg = PostgresDialect.INSTANCE;
    Type.CollectionOf longs = new Type.CollectionOf(Type.CollectionOf.Shape.SET,
        Type.Scalar.I64);
    assertEquals(SELECT + "array_cat(COALESCE(\"email\", '{}'), $1)", sql(pg,
        new ExprNode.CollectionChange(ExprNode.ChangeOp.ADD, col("users", 2), TAGS, arg(0))));
    assertEquals(
        SELECT
            + "array_cat(COALESCE(\"email\", '{}'), ARRAY(SELECT x FROM unnest(CAST($1 AS BIGINT[]))"
            + " WITH ORDINALITY AS t(x, i) WHERE x <> ALL(COALESCE(\"email\", '{}')) ORDER BY i))",
        sql(
            pg,
            new ExprNode.CollectionChange(ExprNode.ChangeOp.ADD, col("users", 2), longs, arg(0))));
    assertEquals(SELECT + "CASE WHEN \"email\" IS NULL THEN NULL ELSE ARRAY(SELECT x FROM"
        + " unnest(\"email\") WITH ORDINALITY AS t(x, i) WHERE x <> ALL($1) ORDER BY i) END",
        sql(pg, new ExprNode.CollectionChange(ExprNode.ChangeOp.REMOVE, col("users", 2), TAGS,
            arg(0))));
  }

  @Test
  void postgresqlReadsArraysAndJsonbMaps() {
    SqlDialect pg = PostgresDialect.INSTANCE;
    assertEquals(SELECT + "$1 = ANY(\"email\")", sql(pg, contains(TAGS)));
    assertEquals(SELECT + "jsonb_exists(\"email\", $1)", sql(pg, contains(COUNTS)));
    assertEquals(SELECT + "cardinality(\"email\") = 0", sql(pg, isEmpty(IDS)));
    assertEquals(SELECT + "\"email\" = '{}'::jsonb", sql(pg, isEmpty(COUNTS)));
  }

  @Test
  void mariadbLooksForAnItemsJsonText() {
    SqlDialect m = MySqlDialect.MARIADB;
    String select = "SELECT `id` FROM `users` WHERE ";
    assertEquals(select + "JSON_CONTAINS(`email`, JSON_QUOTE(?))", sql(m, contains(TAGS)));
    assertEquals(select + "JSON_CONTAINS(JSON_KEYS(`email`), JSON_QUOTE(?))",
        sql(m, contains(COUNTS)));
    assertEquals(select + "JSON_CONTAINS(`email`, CAST(? AS CHAR))", sql(m,
        contains(new Type.CollectionOf(Type.CollectionOf.Shape.SET, Type.Scalar.I64))));
    assertEquals(select + "JSON_LENGTH(`email`) = 0", sql(m, isEmpty(TAGS)));
  }

  @Test
  void sqliteSearchesJsonEach() {
    SqlDialect s = SqliteDialect.INSTANCE;
    assertEquals(SELECT + "CASE WHEN \"email\" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM "
        + "json_each(\"email\") WHERE value = ?) END", sql(s, contains(TAGS)));
    assertEquals(SELECT + "CASE WHEN \"email\" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM "
        + "json_each(\"email\") WHERE replace(value, '-', '') = lower(hex(?))) END",
        sql(s, contains(IDS)));
    assertEquals(SELECT + "\"email\" = '{}'", sql(s, isEmpty(COUNTS)));
  }

  @Test
  void h2StoresTextItCannotSearch() {
    assertEquals(SELECT + "\"email\" = '[]'", sql(H2Dialect.INSTANCE, isEmpty(TAGS)));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> sql(H2Dialect.INSTANCE, contains(TAGS)));
    assertEquals(Feature.COLLECTION_ITEMS, e.feature());
  }

  private static ExprNode change(ExprNode.ChangeOp op, Type.CollectionOf type) {
    return new ExprNode.CollectionChange(op, col("users", 2), type, arg(0));
  }

  @Test
  void mariadbAppendsToAListByMergingArrays() {
    assertEquals("SELECT `id` FROM `users` WHERE JSON_MERGE_PRESERVE(COALESCE(`email`, '[]'), ?)",
        sql(MySqlDialect.MARIADB, change(ExprNode.ChangeOp.ADD, TAGS)));
  }

  @Test
  void sqliteAndH2AppendToAListByJoiningTheStoredText() {
    String joined = SELECT + "CASE WHEN \"email\" IS NULL OR \"email\" = '[]' THEN ? WHEN ? = '[]'"
        + " THEN \"email\" ELSE SUBSTR(\"email\", 1, %s(\"email\") - 1) || ',' || SUBSTR(?, 2)"
        + " END";
    assertEquals(joined.formatted(SqliteDialect.INSTANCE.charLengthFunction()),
        sql(SqliteDialect.INSTANCE, change(ExprNode.ChangeOp.ADD, TAGS)));
    assertEquals(joined.formatted(H2Dialect.INSTANCE.charLengthFunction()),
        sql(H2Dialect.INSTANCE, change(ExprNode.ChangeOp.ADD, TAGS)));
  }

  @Test
  void h2RefusesEveryChangeButAListsAppend() {
    for (ExprNode e :
        List.of(
            change(ExprNode.ChangeOp.ADD, IDS),
            change(ExprNode.ChangeOp.REMOVE, TAGS),
            change(ExprNode.ChangeOp.PUT, COUNTS),
            change(ExprNode.ChangeOp.REMOVE_KEYS, COUNTS))) {
      UnsupportedFeatureException x = assertThrows(UnsupportedFeatureException.class,
          () -> sql(H2Dialect.INSTANCE, e));
      assertEquals(Feature.COLLECTION_CHANGE, x.feature());
    }
  }

  @Test
  void postgresqlPutsAndRemovesJsonbEntries() {
    SqlDialect pg = PostgresDialect.INSTANCE;
    assertEquals(SELECT + "(COALESCE(\"email\", '{}'::jsonb) || CAST($1 AS jsonb))",
        sql(pg, change(ExprNode.ChangeOp.PUT, COUNTS)));
    assertEquals(SELECT + "(\"email\" - CAST($1 AS text[]))",
        sql(pg, change(ExprNode.ChangeOp.REMOVE_KEYS, COUNTS)));
  }

  @Test
  void sqliteRebuildsAnArrayFromItsItemsJsonText() {
    assertEquals(SELECT + "CASE WHEN \"users\".\"email\" IS NULL THEN NULL ELSE (SELECT"
        + " CONCAT('[', COALESCE(group_concat((\"users\".\"email\" -> toasty_s.fullkey), ','"
        + " ORDER BY toasty_s.key), ''), ']') FROM json_each(\"users\".\"email\") AS toasty_s"
        + " WHERE (\"users\".\"email\" -> toasty_s.fullkey) NOT IN (SELECT (? ->"
        + " toasty_i.fullkey) FROM json_each(?) AS toasty_i)) END",
        sql(SqliteDialect.INSTANCE, change(ExprNode.ChangeOp.REMOVE, TAGS)));
    assertEquals(SELECT + "CASE WHEN \"users\".\"email\" IS NULL THEN ? ELSE CONCAT('[',"
        + " CONCAT_WS(',', (SELECT group_concat((\"users\".\"email\" -> toasty_s.fullkey), ','"
        + " ORDER BY toasty_s.key) FROM json_each(\"users\".\"email\") AS toasty_s), (SELECT"
        + " group_concat((? -> toasty_i.fullkey), ',' ORDER BY toasty_i.key) FROM json_each(?) AS"
        + " toasty_i WHERE (? -> toasty_i.fullkey) NOT IN (SELECT (\"users\".\"email\" ->"
        + " toasty_s2.fullkey) FROM json_each(\"users\".\"email\") AS toasty_s2))), ']') END",
        sql(SqliteDialect.INSTANCE, change(ExprNode.ChangeOp.ADD, IDS)));
    assertEquals(SELECT + "json_patch(COALESCE(\"email\", '{}'), ?)",
        sql(SqliteDialect.INSTANCE, change(ExprNode.ChangeOp.PUT, COUNTS)));
    assertEquals(SELECT + "json_patch(\"email\", (SELECT json_group_object(toasty_i.value, NULL)"
        + " FROM json_each(?) AS toasty_i))",
        sql(SqliteDialect.INSTANCE, change(ExprNode.ChangeOp.REMOVE_KEYS, COUNTS)));
  }

  @Test
  void mariadbNumbersItemsWithJsonTable() {
    String select = "SELECT `id` FROM `users` WHERE ";
    assertEquals(select + "CASE WHEN `users`.`email` IS NULL THEN NULL ELSE (SELECT CONCAT('[',"
        + " COALESCE(GROUP_CONCAT(JSON_EXTRACT(`users`.`email`, CONCAT('$[', toasty_s.k - 1,"
        + " ']')) ORDER BY toasty_s.k SEPARATOR ','), ''), ']') FROM JSON_TABLE(`users`.`email`,"
        + " '$[*]' COLUMNS (k FOR ORDINALITY)) AS toasty_s WHERE CAST(JSON_EXTRACT("
        + "`users`.`email`, CONCAT('$[', toasty_s.k - 1, ']')) AS BINARY) NOT IN (SELECT"
        + " CAST(JSON_EXTRACT(?, CONCAT('$[', toasty_i.k - 1, ']')) AS BINARY) FROM"
        + " JSON_TABLE(?, '$[*]' COLUMNS (k FOR ORDINALITY)) AS toasty_i)) END",
        sql(MySqlDialect.MARIADB, change(ExprNode.ChangeOp.REMOVE, TAGS)));
    assertEquals(select + "JSON_MERGE_PATCH(COALESCE(`email`, '{}'), ?)",
        sql(MySqlDialect.MARIADB, change(ExprNode.ChangeOp.PUT, COUNTS)));
  }
}
