package io.toasty.sql.render;

import static io.toasty.r2dbc.Fixtures.arg;
import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidModelException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.sql.push.SchemaDdl;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL per dialect for the constructs where the dialects differ: bind markers, quoting,
 * LIMIT, returning from INSERT/UPDATE/DELETE, NULL-safe equality, patterns, default rows.
 */
class DialectSqlTest {
  private static final Source.Table USERS = new Source.Table("users");
  private static final SqlDialect PG = PostgresDialect.INSTANCE;
  private static final SqlDialect MARIADB = MySqlDialect.MARIADB;
  private static final SqlDialect MYSQL = MySqlDialect.MYSQL;
  private static final SqlDialect SQLITE = SqliteDialect.INSTANCE;
  private static final SqlDialect H2 = H2Dialect.INSTANCE;

  private static RenderedSql render(SqlDialect dialect, StatementNode statement) {
    return new SqlRenderer(dialect, Fixtures.SCHEMA).render(statement);
  }

  private static void assertSql(SqlDialect dialect, StatementNode statement, String sql,
      int... argOrder) {
    RenderedSql r = render(dialect, statement);
    assertEquals(sql, r.sql(), dialect.toString());
    assertArrayEquals(argOrder, r.argOrder(), dialect + " argOrder");
  }

  // ---- markers, quoting, limits --------------------------------------------------------------

  @Test
  void markersQuotingAndLimits() {
    Query q = new Query(USERS, ExprNode.and(ExprNode.eq(col("users", 2), arg(0)),
        new ExprNode.Compare(ExprNode.CompareOp.GT, col("users", 4), arg(1))),
        new Returning.Project(List.of(col("users", 0), col("users", 1))),
        List.of(new OrderBy(col("users", 1), OrderBy.Direction.ASC)), new Limit(arg(2), arg(3)));
    assertSql(PG, q, "SELECT \"id\", \"name\" FROM \"users\" WHERE \"email\" = $1 AND "
        + "\"login_count\" > $2 ORDER BY \"name\" ASC LIMIT $3 OFFSET $4", 0, 1, 2, 3);
    String mysql = "SELECT `id`, `name` FROM `users` WHERE `email` = ? AND `login_count` > ? "
        + "ORDER BY `name` ASC LIMIT ? OFFSET ?";
    assertSql(MARIADB, q, mysql, 0, 1, 2, 3);
    assertSql(MYSQL, q, mysql, 0, 1, 2, 3);
    assertSql(SQLITE, q, "SELECT \"id\", \"name\" FROM \"users\" WHERE \"email\" = ? AND "
        + "\"login_count\" > ? ORDER BY \"name\" ASC LIMIT ? OFFSET ?", 0, 1, 2, 3);
    assertSql(H2, q, "SELECT \"id\", \"name\" FROM \"users\" WHERE \"email\" = ? AND "
        + "\"login_count\" > ? ORDER BY \"name\" ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        0, 1, 3, 2);
  }

  /**
   * A limit the statement holds as a number (a driver's first page, an engine's guard) is written
   * as that number, so that a PostgreSQL generic plan plans for it (ClauseSql.rows); a value the
   * planner made a parameter stays a marker beside it.
   */
  @Test
  void aLimitHeldAsANumberIsWrittenAsThatNumber() {
    Query q = new Query(USERS, ExprNode.eq(col("users", 2), arg(0)),
        new Returning.Project(List.of(col("users", 0))), List.of(),
        new Limit(new ExprNode.Const(new Value.I64(1025)), arg(1)));
    assertSql(PG, q, "SELECT \"id\" FROM \"users\" WHERE \"email\" = $1 LIMIT 1025 OFFSET $2",
        0, 1);
    String mysql = "SELECT `id` FROM `users` WHERE `email` = ? LIMIT 1025 OFFSET ?";
    assertSql(MARIADB, q, mysql, 0, 1);
    assertSql(MYSQL, q, mysql, 0, 1);
    assertSql(SQLITE, q, "SELECT \"id\" FROM \"users\" WHERE \"email\" = ? LIMIT 1025 OFFSET ?",
        0, 1);
    assertSql(H2, q, "SELECT \"id\" FROM \"users\" WHERE \"email\" = ? OFFSET ? ROWS FETCH NEXT"
        + " 1025 ROWS ONLY", 0, 1);
  }

  // ---- lists of bound values ------------------------------------------------------------------

  private static Query usersWhere(ExprNode filter) {
    return new Query(USERS, filter, new Returning.Project(List.of(col("users", 0))), List.of(),
        null);
  }

  private static ExprNode.InList in(int column, int first, int count) {
    List<ExprNode> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(arg(first + i));
    }
    return new ExprNode.InList(col("users", column), items);
  }

  /**
   * NULL below every value everywhere: PostgreSQL (NULL high by default) says so on an optional
   * column's term, and leaves a required column's as it is (its index still serves the order);
   * the others sort NULL low already.
   */
  @Test
  void nullSortsLowOnEveryDialect() {
    Query q = new Query(USERS, ExprNode.TRUE, new Returning.Project(List.of(col("users", 0))),
        List.of(new OrderBy(col("users", 3), OrderBy.Direction.ASC),
            new OrderBy(col("users", 3), OrderBy.Direction.DESC),
            new OrderBy(col("users", 1), OrderBy.Direction.ASC)), null);
    assertSql(PG, q, "SELECT \"id\" FROM \"users\" ORDER BY \"nickname\" ASC NULLS FIRST, "
        + "\"nickname\" DESC NULLS LAST, \"name\" ASC");
    assertSql(H2, q, "SELECT \"id\" FROM \"users\" ORDER BY \"nickname\" ASC, "
        + "\"nickname\" DESC, \"name\" ASC");
    assertSql(MARIADB, q, "SELECT `id` FROM `users` ORDER BY `nickname` ASC, `nickname` DESC, "
        + "`name` ASC");
  }

  @Test
  void postgresqlBindsAListOfArgumentsAsOneArraySoEveryLengthSharesOneText() {
    RenderedSql two = render(PG, usersWhere(in(0, 0, 2)));
    RenderedSql many = render(PG, usersWhere(ExprNode.and(ExprNode.eq(col("users", 1), arg(0)),
        in(4, 1, 500))));
    assertEquals("SELECT \"id\" FROM \"users\" WHERE \"id\" = ANY($1)", two.sql());
    assertEquals("SELECT \"id\" FROM \"users\" WHERE \"name\" = $1 AND \"login_count\" = ANY($2)",
        many.sql());
    assertEquals(2, many.markerCount());
    List<Value> args = new ArrayList<>();
    for (int i = 0; i <= 500; i++) {
      args.add(new Value.I32(i));
    }
    Value array = many.valueAt(1, args);
    assertEquals(args.subList(1, 501), ((Value.ListValue) array).items());
    assertEquals(Type.Scalar.I32, many.markerTypes()[1]);
    assertSql(MARIADB, usersWhere(in(0, 0, 2)),
        "SELECT `id` FROM `users` WHERE `id` IN (?, ?)", 0, 1);
  }

  @Test
  void h2JoinsATopLevelListOfArgumentsAsOneArrayOfDistinctNonNullValues() {
    RenderedSql r = render(H2, usersWhere(ExprNode.and(ExprNode.eq(col("users", 1), arg(0)),
        in(0, 1, 3))));
    assertEquals("SELECT \"id\" FROM UNNEST(?) AS \"toasty_keys\"(\"key\") JOIN \"users\" ON "
        + "\"users\".\"id\" = \"toasty_keys\".\"key\" WHERE \"name\" = ?", r.sql());
    List<Value> args = List.of(new Value.Str("ann"), new Value.I64(7), Value.NULL,
        new Value.I64(7));
    assertEquals(new Value.ListValue(List.of(new Value.I64(7), new Value.I64(7))),
        r.valueAt(0, args));
    assertEquals(new Value.Str("ann"), r.valueAt(1, args));
    // ValueCodecTest: the codec binds such a list as an array of distinct values.
    // Anywhere but among the top-level conditions, markers.
    assertSql(H2, usersWhere(new ExprNode.Or(List.of(ExprNode.eq(col("users", 1), arg(0)),
        in(0, 1, 2)))),
        "SELECT \"id\" FROM \"users\" WHERE \"name\" = ? OR \"id\" IN (?, ?)", 0, 1, 2);
  }

  @Test
  void h2NamesTheArraysColumnSoThatItClashesWithNoColumnOfTheTable() {
    ModelSchema words = new ModelSchema("Word",
        "com.example.Word", "words", List.of(
            new FieldSchema(0, "key", Type.Scalar.I64,
                false, null, null, "key"),
            new FieldSchema(1, "key1", Type.Scalar.STRING,
                false, null, null, "key_1")),
        List.of(0), List.of());
    Query q = new Query(new Source.Table("words"), new ExprNode.InList(col("words", 1),
        List.of(arg(0), arg(1))), new Returning.Project(List.of(col("words", 0))), List.of(),
        null);
    RenderedSql r = new SqlRenderer(H2, Schema.of(List.of(words))).render(q);
    assertEquals("SELECT \"key\" FROM UNNEST(?) AS \"toasty_keys\"(\"key_2\") JOIN \"words\" ON "
        + "\"words\".\"key_1\" = \"toasty_keys\".\"key_2\"", r.sql());
  }

  @Test
  void postgresqlKeepsOneMarkerPerValueWhereAnArrayWouldNotFit() {
    assertSql(PG, usersWhere(in(0, 0, 1)), "SELECT \"id\" FROM \"users\" WHERE \"id\" IN ($1)",
        0);
    assertSql(PG, usersWhere(new ExprNode.InList(col("users", 0), List.of(arg(0),
        new ExprNode.Const(new Value.I64(7))))),
        "SELECT \"id\" FROM \"users\" WHERE \"id\" IN ($1, $2)", 0, -1);
    // An enum column is text in the database but not a string in the schema.
    assertSql(PG, usersWhere(in(5, 0, 2)),
        "SELECT \"id\" FROM \"users\" WHERE \"status\" IN ($1, $2)", 0, 1);
  }

  @Test
  void quotesAreDoubledInsideQuotedIdentifiers() {
    StringBuilder pg = new StringBuilder();
    PG.quoteIdentifier(pg, "a\"b");
    assertEquals("\"a\"\"b\"", pg.toString());
    StringBuilder my = new StringBuilder();
    MARIADB.quoteIdentifier(my, "a`b");
    assertEquals("`a``b`", my.toString());
  }

  @Test
  void postgresMarkersAreNumberedInTextOrderAcrossSubqueries() {
    Query inner = new Query(new Source.Table("posts"), ExprNode.eq(col("posts", 2), arg(1)),
        new Returning.Project(List.of(col("posts", 1))), List.of(), null);
    Query q = new Query(USERS, new ExprNode.And(List.of(ExprNode.eq(col("users", 1), arg(0)),
        new ExprNode.InSubquery(col("users", 0), inner), ExprNode.eq(col("users", 2), arg(0)))),
        new Returning.Project(List.of(col("users", 0))), List.of(), null);
    assertSql(PG, q, "SELECT \"id\" FROM \"users\" WHERE \"name\" = $1 AND \"id\" IN (SELECT "
        + "\"user_id\" FROM \"posts\" WHERE \"title\" = $2) AND \"email\" = $3", 0, 1, 0);
  }

  // ---- inserts -------------------------------------------------------------------------------

  @Test
  void multiRowInsertReturningKeys() {
    InsertNode insert = new InsertNode(USERS, List.of(1, 2),
        List.of(ExprNode.Record.of(arg(0), arg(1)), ExprNode.Record.of(arg(2), arg(3))),
        new Returning.Keys(List.of(0)));
    assertSql(PG, insert, "INSERT INTO \"users\" (\"name\", \"email\") VALUES ($1, $2), ($3, $4)"
        + " RETURNING \"id\"", 0, 1, 2, 3);
    assertSql(MARIADB, insert, "INSERT INTO `users` (`name`, `email`) VALUES (?, ?), (?, ?)"
        + " RETURNING `id`", 0, 1, 2, 3);
    assertSql(SQLITE, insert, "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?), (?, ?)"
        + " RETURNING \"id\"", 0, 1, 2, 3);
    // MySQL: LAST_INSERT_ID() through returnGeneratedValues; its capability inserts row by row.
    RenderedSql mysql = render(MYSQL, insert);
    assertEquals("INSERT INTO `users` (`name`, `email`) VALUES (?, ?), (?, ?)", mysql.sql());
    assertEquals(List.of("id"), mysql.generatedColumns());
    assertEquals(false, MYSQL.capability().multiRowInsert());
  }

  /**
   * An insert returning all its columns asks the database only for those it fills (the identity
   * key) or may change (MariaDB's keyed VARCHAR email), where rows come back in VALUES order;
   * the others are taken from the markers that bound them. SQLite (arbitrary order) and H2
   * (generated keys) return every column.
   */
  @Test
  void anInsertReturnsOnlyWhatItDidNotSend() {
    Returning all = new Returning.Project(List.of(col("users", 0), col("users", 1),
        col("users", 2), col("users", 4)));
    InsertNode insert =
        new InsertNode(
            USERS,
            List.of(1, 2, 4),
            List.of(
                ExprNode.Record.of(arg(0), arg(1), arg(2)),
                ExprNode.Record.of(arg(3), arg(4), arg(5))),
            all);
    RenderedSql pg = render(PG, insert);
    assertEquals("INSERT INTO \"users\" (\"name\", \"email\", \"login_count\") VALUES ($1, $2, "
        + "$3), ($4, $5, $6) RETURNING \"id\"", pg.sql());
    assertArrayEquals(new int[] {0, -1, -1, -1}, pg.echo().returnedAt());
    assertArrayEquals(new int[] {-1, 3, 4, 5}, pg.echo().markers()[1]);
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.STRING, Type.Scalar.STRING,
        Type.Scalar.I32), pg.returnTypes());
    RenderedSql mariadb = render(MARIADB, insert);
    assertEquals("INSERT INTO `users` (`name`, `email`, `login_count`) VALUES (?, ?, ?), (?, ?, ?)"
        + " RETURNING `id`, `email`", mariadb.sql());
    assertArrayEquals(new int[] {0, -1, 1, -1}, mariadb.echo().returnedAt());
    assertSql(SQLITE, insert, "INSERT INTO \"users\" (\"name\", \"email\", \"login_count\") "
        + "VALUES (?, ?, ?), (?, ?, ?) RETURNING \"id\", \"name\", \"email\", \"login_count\"",
        0, 1, 2, 3, 4, 5);
    assertNull(render(SQLITE, insert).echo());
    assertNull(render(H2, insert).echo());
    // A value the database computes (here a NULL written as a literal) is returned.
    InsertNode literal = new InsertNode(USERS, List.of(1, 2, 4),
        List.of(ExprNode.Record.of(arg(0), arg(1), ExprNode.NULL)), all);
    assertEquals(0, render(PG, literal).echo().returnedAt()[0]);
    assertEquals(1, render(PG, literal).echo().returnedAt()[3]);
  }

  @Test
  void anInsertThatSetsNoColumnWritesADefaultRow() {
    InsertNode insert = new InsertNode(new Source.Table("posts"), List.of(),
        List.of(new ExprNode.Record(List.of()), new ExprNode.Record(List.of())),
        new Returning.Keys(List.of(0)));
    assertSql(PG, insert, "INSERT INTO \"posts\" (\"id\") VALUES (DEFAULT), (DEFAULT) RETURNING "
        + "\"id\"");
    assertSql(MARIADB, insert, "INSERT INTO `posts` (`id`) VALUES (DEFAULT), (DEFAULT) RETURNING"
        + " `id`");
    // SQLite has no DEFAULT in VALUES; NULL assigns the INTEGER PRIMARY KEY.
    assertSql(SQLITE, insert, "INSERT INTO \"posts\" (\"id\") VALUES (NULL), (NULL) RETURNING "
        + "\"id\"");
  }

  // ---- updates and deletes -------------------------------------------------------------------

  @Test
  void updateReturningRows() {
    UpdateNode u = new UpdateNode(USERS, ExprNode.eq(col("users", 0), arg(1)),
        List.of(new Assignment(1, arg(0))), new Returning.Project(List.of(col("users", 1))));
    assertSql(PG, u, "UPDATE \"users\" SET \"name\" = $1 WHERE \"id\" = $2 RETURNING \"name\"",
        0, 1);
    assertSql(SQLITE, u, "UPDATE \"users\" SET \"name\" = ? WHERE \"id\" = ? RETURNING \"name\"",
        0, 1);
    assertSql(H2, u, "SELECT \"name\" FROM FINAL TABLE (UPDATE \"users\" SET \"name\" = ? WHERE "
        + "\"id\" = ?)", 0, 1);
    // MariaDB has no UPDATE ... RETURNING, MySQL none at all: their capability re-reads.
    assertThrows(UnsupportedFeatureException.class, () -> render(MARIADB, u));
    assertThrows(UnsupportedFeatureException.class, () -> render(MYSQL, u));
    assertEquals(false, MARIADB.capability().returningFromMutation());
  }

  @Test
  void deleteReturningRowsOnMariaDbButNotMySql() {
    DeleteNode d = new DeleteNode(USERS, ExprNode.eq(col("users", 0), arg(0)),
        new Returning.Project(List.of(col("users", 0))));
    assertSql(MARIADB, d, "DELETE FROM `users` WHERE `id` = ? RETURNING `id`", 0);
    assertSql(PG, d, "DELETE FROM \"users\" WHERE \"id\" = $1 RETURNING \"id\"", 0);
    assertThrows(UnsupportedFeatureException.class, () -> render(MYSQL, d));
  }

  // ---- NULL-safe equality and patterns -------------------------------------------------------

  @Test
  void nullSafeEquality() {
    Query q = new Query(USERS, new ExprNode.IsNotDistinctFrom(col("users", 3), arg(0)),
        new Returning.Project(List.of(col("users", 0))), List.of(), null);
    assertSql(PG, q, "SELECT \"id\" FROM \"users\" WHERE \"nickname\" IS NOT DISTINCT FROM $1",
        0);
    assertSql(H2, q, "SELECT \"id\" FROM \"users\" WHERE \"nickname\" IS NOT DISTINCT FROM ?", 0);
    assertSql(MARIADB, q, "SELECT `id` FROM `users` WHERE `nickname` <=> ?", 0);
    assertSql(SQLITE, q, "SELECT \"id\" FROM \"users\" WHERE \"nickname\" IS ?", 0);
  }

  private static Query pattern(ExprNode.PatternKind kind, boolean ignoreCase) {
    return new Query(USERS, new ExprNode.Pattern(kind, col("users", 1), arg(0), ignoreCase),
        new Returning.Project(List.of(col("users", 0))), List.of(), null);
  }

  private static String bound(SqlDialect dialect, Query q, String value) {
    return ((Value.Str) render(dialect, q).valueAt(0, List.of(new Value.Str(value)))).value();
  }

  @Test
  void patternsPerDialect() {
    Query starts = pattern(ExprNode.PatternKind.STARTS_WITH, false);
    assertSql(PG, starts, "SELECT \"id\" FROM \"users\" WHERE \"name\" LIKE $1 ESCAPE '\\'", 0);
    assertSql(H2, starts, "SELECT \"id\" FROM \"users\" WHERE \"name\" LIKE ? ESCAPE '\\'", 0);
    assertSql(MARIADB, starts, "SELECT `id` FROM `users` WHERE `name` LIKE ?", 0);
    assertSql(SQLITE, starts, "SELECT \"id\" FROM \"users\" WHERE \"name\" GLOB ?", 0);

    Query ci = pattern(ExprNode.PatternKind.CONTAINS, true);
    assertSql(PG, ci, "SELECT \"id\" FROM \"users\" WHERE \"name\" ILIKE $1 ESCAPE '\\'", 0);
    assertSql(MARIADB, ci, "SELECT `id` FROM `users` WHERE LOWER(`name`) LIKE LOWER(?)", 0);
    assertSql(SQLITE, ci, "SELECT \"id\" FROM \"users\" WHERE \"name\" LIKE ? ESCAPE '\\'", 0);
  }

  @Test
  void literalPatternTextIsEscapedWhenBound() {
    String text = "50%_off\\*[x]?";
    assertEquals(
        "50\\%\\_off\\\\*[x]?%", bound(PG, pattern(ExprNode.PatternKind.STARTS_WITH, false), text));
    assertEquals("%50\\%\\_off\\\\*[x]?", bound(MARIADB, pattern(ExprNode.PatternKind.ENDS_WITH,
        false), text));
    assertEquals("%50\\%\\_off\\\\*[x]?%", bound(SQLITE, pattern(ExprNode.PatternKind.CONTAINS,
        true), text));
    assertEquals("50%_off\\[*][[]x][?]*", bound(SQLITE, pattern(ExprNode.PatternKind.STARTS_WITH,
        false), text));
    assertEquals("*a[*]b", bound(SQLITE, pattern(ExprNode.PatternKind.ENDS_WITH, false), "a*b"));
  }

  @Test
  void likePatternsAreKeptOrTranslatedToGlob() {
    String like = "a%b_c\\%d\\_e*f";
    assertEquals(like, bound(PG, pattern(ExprNode.PatternKind.LIKE, false), like));
    assertEquals(like, bound(MARIADB, pattern(ExprNode.PatternKind.LIKE, true), like));
    assertEquals("a*b?c%d_e[*]f", bound(SQLITE, pattern(ExprNode.PatternKind.LIKE, false), like));
  }

  @Test
  void aNullPatternStaysNull() {
    RenderedSql r = render(PG, pattern(ExprNode.PatternKind.CONTAINS, false));
    assertEquals(Value.NULL, r.valueAt(0, List.of(Value.NULL)));
  }

  // ---- DDL -----------------------------------------------------------------------------------

  private static String usersDdl(SqlDialect dialect) {
    return String.join(";\n", new SchemaDdl(dialect,
        Schema.of(List.of(Fixtures.USER))).create());
  }

  @Test
  void ddlPerDialect() {
    assertEquals("CREATE TABLE IF NOT EXISTS \"users\" (\"id\" BIGINT GENERATED BY DEFAULT AS "
        + "IDENTITY NOT NULL, \"name\" TEXT NOT NULL, \"email\" TEXT NOT NULL, \"nickname\" "
        + "TEXT, \"login_count\" INTEGER NOT NULL, \"status\" TEXT NOT NULL, CONSTRAINT "
        + "\"users_pkey\" PRIMARY KEY (\"id\"));\n"
        + "CREATE UNIQUE INDEX IF NOT EXISTS \"users_email_key\" ON \"users\" (\"email\");\n"
        + "CREATE INDEX IF NOT EXISTS \"users_nickname_idx\" ON \"users\" (\"nickname\")",
        usersDdl(PG));
    assertEquals("CREATE TABLE IF NOT EXISTS `users` (`id` BIGINT AUTO_INCREMENT NOT NULL, "
        + "`name` LONGTEXT NOT NULL, `email` VARCHAR(255) NOT NULL, `nickname` VARCHAR(255), "
        + "`login_count` INT NOT NULL, `status` VARCHAR(255) NOT NULL, CONSTRAINT `users_pkey` "
        + "PRIMARY KEY (`id`), UNIQUE KEY `users_email_key` (`email`), KEY `users_nickname_idx` "
        + "(`nickname`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin",
        usersDdl(MARIADB));
    assertEquals("CREATE TABLE IF NOT EXISTS \"users\" (\"id\" INTEGER PRIMARY KEY "
        + "AUTOINCREMENT NOT NULL, \"name\" TEXT NOT NULL, \"email\" TEXT NOT NULL, "
        + "\"nickname\" TEXT, \"login_count\" INTEGER NOT NULL CONSTRAINT "
        + "\"users_login_count_range\" CHECK (\"login_count\" BETWEEN -2147483648 AND "
        + "2147483647), \"status\" TEXT NOT NULL);\n"
        + "CREATE UNIQUE INDEX IF NOT EXISTS \"users_email_key\" ON \"users\" (\"email\");\n"
        + "CREATE INDEX IF NOT EXISTS \"users_nickname_idx\" ON \"users\" (\"nickname\")",
        usersDdl(SQLITE));
  }

  @Test
  void uuidAndTimeColumnsPerDialect() {
    Type uuid = Type.Scalar.UUID;
    Type instant = Type.Scalar.INSTANT;
    assertEquals("UUID", PG.columnType(uuid, false));
    assertEquals("UUID", MARIADB.columnType(uuid, false));
    assertEquals("BINARY(16)", MYSQL.columnType(uuid, false));
    assertEquals("BLOB", SQLITE.columnType(uuid, false));
    assertEquals("TIMESTAMP(6) WITH TIME ZONE", PG.columnType(instant, false));
    assertEquals("DATETIME(6)", MARIADB.columnType(instant, false));
    assertEquals("DECIMAL(65, 30)", MARIADB.columnType(Type.Scalar.DECIMAL, false));
    assertEquals("NUMERIC", PG.columnType(Type.Scalar.DECIMAL, false));
  }

  @Test
  void postgresCountsIdentifierLengthInBytes() {
    String name = "é".repeat(32); // 32 characters, 64 bytes
    Schema schema = Schema.of(List.of(
        new ModelSchema("Accent", "com.example.Accent", "accents",
            List.of(new FieldSchema(0, "x", Type.Scalar.I64,
                false, null, null, name)), List.of(0), List.of())));
    InvalidModelException e = assertThrows(InvalidModelException.class,
        () -> new SchemaDdl(PG, schema).create());
    assertEquals(Optional.of("x"), e.field());
    assertTrue(e.getMessage().contains("postgresql accepts at most 63"), e.getMessage());
    // 32 characters fit MariaDB's 64-character limit.
    assertTrue(new SchemaDdl(MARIADB, schema).create().get(0).contains(name));
  }
}
