package io.toasty.sql.render;

import static io.toasty.r2dbc.Fixtures.arg;
import static io.toasty.r2dbc.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.UnsupportedFeatureException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL for each construct the H2 dialect renders, with the argument order of its markers. */
class SqlRendererTest {
  private static final Source.Table USERS = new Source.Table("users");
  private static final Source.Table POSTS = new Source.Table("posts");
  private static final Source.Table MEMBERSHIPS = new Source.Table("memberships");

  private final SqlRenderer renderer = new SqlRenderer(H2Dialect.INSTANCE, Fixtures.SCHEMA);

  private static Query select(Source.Table from, ExprNode filter, ExprNode... columns) {
    return new Query(from, filter, new Returning.Project(List.of(columns)), List.of(), null);
  }

  private RenderedSql assertSql(StatementNode statement, String sql, int... argOrder) {
    RenderedSql rendered = renderer.render(statement);
    assertEquals(sql, rendered.sql());
    assertArrayEquals(argOrder, rendered.argOrder(), "argOrder");
    return rendered;
  }

  // ---- queries -------------------------------------------------------------------------------

  @Test
  void queryWithFilterOrderLimitAndOffset() {
    Query q = new Query(USERS, ExprNode.eq(col("users", 2), arg(0)),
        new Returning.Project(List.of(col("users", 0), col("users", 1))),
        List.of(new OrderBy(col("users", 1), OrderBy.Direction.ASC),
            new OrderBy(col("users", 0), OrderBy.Direction.DESC)),
        new Limit(arg(1), arg(2)));
    RenderedSql r = assertSql(q, "SELECT \"id\", \"name\" FROM \"users\" WHERE \"email\" = ?"
        + " ORDER BY \"name\" ASC, \"id\" DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", 0, 2, 1);
    assertArrayEquals(new Type[] {Type.Scalar.STRING, Type.Scalar.I64, Type.Scalar.I64},
        r.markerTypes());
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.STRING), r.returnTypes());
    assertTrue(r.returnsRows());
  }

  @Test
  void queryWithoutFilterAndLimitOnly() {
    Query q = select(USERS, ExprNode.TRUE, col("users", 0)).withLimit(new Limit(arg(0), null));
    assertSql(q, "SELECT \"id\" FROM \"users\" FETCH FIRST ? ROWS ONLY", 0);
  }

  @Test
  void queryReturningCount() {
    Query q =
        new Query(
            USERS, new ExprNode.IsNull(col("users", 3)), new Returning.Count(), List.of(), null);
    RenderedSql r = assertSql(q, "SELECT COUNT(*) FROM \"users\" WHERE \"nickname\" IS NULL");
    assertEquals(List.of(Type.Scalar.I64), r.returnTypes());
  }

  @Test
  void andOrNestingIsParenthesized() {
    ExprNode filter =
        new ExprNode.And(
            List.of(
                new ExprNode.Compare(ExprNode.CompareOp.GT, col("users", 4), arg(0)),
                new ExprNode.Or(
                    List.of(
                        new ExprNode.IsNull(col("users", 3)),
                        ExprNode.eq(col("users", 3), arg(1))))));
    RenderedSql r = assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"login_count\" > ? AND (\"nickname\" IS NULL OR "
            + "\"nickname\" = ?)", 0, 1);
    assertArrayEquals(new Type[] {Type.Scalar.I32, Type.Scalar.STRING}, r.markerTypes());
  }

  @Test
  void singletonJunctionsAreUnwrapped() {
    ExprNode filter =
        new ExprNode.And(
            List.of(
                new ExprNode.Or(List.of(ExprNode.eq(col("users", 0), arg(0)))),
                new ExprNode.And(
                    List.of(
                        new ExprNode.Or(
                            List.of(
                                ExprNode.eq(col("users", 1), arg(1)),
                                ExprNode.eq(col("users", 2), arg(2))))))));
    assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"id\" = ? AND (\"name\" = ? OR \"email\" = ?)",
        0, 1, 2);
  }

  @Test
  void notWrapsItsOperand() {
    ExprNode filter = new ExprNode.Not(ExprNode.eq(col("users", 5), arg(0)));
    RenderedSql r = assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE NOT (\"status\" = ?)", 0);
    assertEquals(Fixtures.STATUS, r.markerTypes()[0]);
  }

  @Test
  void emptyAndIsTrueAndEmptyOrIsFalse() {
    assertSql(select(USERS, new ExprNode.And(List.of()), col("users", 0)),
        "SELECT \"id\" FROM \"users\"");
    assertSql(select(USERS, new ExprNode.Or(List.of()), col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE FALSE");
    assertSql(select(USERS, new ExprNode.Or(List.of(ExprNode.eq(col("users", 0), arg(0)),
            new ExprNode.And(List.of()))), col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"id\" = ? OR TRUE", 0);
  }

  @Test
  void inListBindsEveryItemWithTheOperandsType() {
    // Under NOT: a top-level IN list is a join on an array instead (DialectSqlTest).
    ExprNode filter =
        new ExprNode.Not(new ExprNode.InList(col("users", 0), List.of(arg(2), arg(0), arg(1))));
    RenderedSql r = assertSql(select(USERS, filter, col("users", 1)),
        "SELECT \"name\" FROM \"users\" WHERE NOT (\"id\" IN (?, ?, ?))", 2, 0, 1);
    assertArrayEquals(new Type[] {Type.Scalar.I64, Type.Scalar.I64, Type.Scalar.I64},
        r.markerTypes());
  }

  @Test
  void emptyInListIsFalseNotInvalidSql() {
    ExprNode filter = new ExprNode.And(List.of(ExprNode.eq(col("users", 1), arg(0)),
        new ExprNode.InList(col("users", 0), List.of())));
    assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"name\" = ? AND FALSE", 0);
  }

  @Test
  void inSubquery() {
    Query sub = select(POSTS, ExprNode.eq(col("posts", 2), arg(0)), col("posts", 1));
    ExprNode filter = new ExprNode.InSubquery(col("users", 0), sub);
    assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"id\" IN (SELECT \"user_id\" FROM \"posts\" WHERE "
            + "\"title\" = ?)", 0);
  }

  /**
   * A subquery on the outer statement's own table (a self relation's count) renames its table,
   * so that the table's name qualifies the outer row, which ExprNode.Outer reads.
   */
  @Test
  void aSubqueryOnTheOuterTableRenamesItsOwn() {
    Query count = new Query(USERS, ExprNode.eq(col("users", 2), new ExprNode.Outer(
        col("users", 1))), new Returning.Project(List.of(new ExprNode.Aggregate(
            ExprNode.AggOp.COUNT_ALL, ExprNode.NULL, false))), List.of(), null);
    assertSql(select(USERS, ExprNode.TRUE, col("users", 0), new ExprNode.Scalar(count)),
        "SELECT \"id\", (SELECT COUNT(*) FROM \"users\" AS \"toasty_1\" WHERE \"email\" = "
            + "\"users\".\"name\") FROM \"users\"");
  }

  @Test
  void correlatedExistsQualifiesTheOuterColumn() {
    Query sub = select(POSTS, ExprNode.and(ExprNode.eq(col("posts", 1), col("users", 0)),
        ExprNode.eq(col("posts", 2), arg(1))), col("posts", 0));
    ExprNode filter = ExprNode.and(new ExprNode.Exists(sub), ExprNode.eq(col("users", 1), arg(0)));
    assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE EXISTS (SELECT \"id\" FROM \"posts\" WHERE "
            + "\"user_id\" = \"users\".\"id\" AND \"title\" = ?) AND \"name\" = ?", 1, 0);
  }

  @Test
  void recordComparisonAndRecordInList() {
    ExprNode.Record key = ExprNode.Record.of(col("memberships", 0), col("memberships", 1));
    // H2's row values lose three-valued logic with a NULL component: spelled field by field
    RenderedSql eq =
        assertSql(
            select(
                MEMBERSHIPS,
                ExprNode.eq(key, ExprNode.Record.of(arg(1), arg(0))),
                col("memberships", 2)),
            "SELECT \"role\" FROM \"memberships\" WHERE (\"org_id\" = ? AND \"user_id\" = ?)",
            1,
            0);
    assertArrayEquals(new Type[] {Type.Scalar.I64, Type.Scalar.I64}, eq.markerTypes());
    assertSql(
        select(
            MEMBERSHIPS,
            new ExprNode.InList(
                key,
                List.of(ExprNode.Record.of(arg(0), arg(1)), ExprNode.Record.of(arg(2), arg(3)))),
            col("memberships", 2)),
        "SELECT \"role\" FROM \"memberships\" WHERE ((\"org_id\" = ? AND \"user_id\" = ?)"
            + " OR (\"org_id\" = ? AND \"user_id\" = ?))",
        0,
        1,
        2,
        3);
    assertSql(select(MEMBERSHIPS, new ExprNode.Compare(ExprNode.CompareOp.GT, key,
            ExprNode.Record.of(arg(0), arg(1))), col("memberships", 2)),
        "SELECT \"role\" FROM \"memberships\" WHERE (\"org_id\", \"user_id\") > (?, ?)", 0, 1);
  }

  @Test
  void recordAgainstNonRecordIsUnsupported() {
    ExprNode.Record key = ExprNode.Record.of(col("memberships", 0), col("memberships", 1));
    assertThrows(UnsupportedFeatureException.class, () -> renderer.render(
        select(MEMBERSHIPS, ExprNode.eq(key, arg(0)), col("memberships", 2))));
  }

  @Test
  void literalConstantsAndBoundConstants() {
    ExprNode filter = new ExprNode.And(List.of(ExprNode.eq(col("users", 3), ExprNode.NULL),
        ExprNode.eq(col("users", 1), ExprNode.of(new Value.Str("carl"))),
        ExprNode.eq(col("users", 0), arg(0)), ExprNode.TRUE, new ExprNode.Not(ExprNode.FALSE)));
    RenderedSql r = assertSql(select(USERS, filter, col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE \"nickname\" = NULL AND \"name\" = ? AND \"id\" = ? "
            + "AND TRUE AND NOT (FALSE)", -1, 0);
    assertEquals(new Value.Str("carl"), r.constants()[0]);
    assertNull(r.constants()[1]);
    assertEquals(new Value.Str("carl"), r.valueAt(0, List.of(new Value.I64(7))));
    assertEquals(new Value.I64(7), r.valueAt(1, List.of(new Value.I64(7))));
  }

  @Test
  void argAgainstArgHasNoExpectedType() {
    RenderedSql r = assertSql(select(USERS, ExprNode.eq(arg(0), arg(1)), col("users", 0)),
        "SELECT \"id\" FROM \"users\" WHERE ? = ?", 0, 1);
    assertArrayEquals(new Type[] {null, null}, r.markerTypes());
  }

  // ---- mutations -----------------------------------------------------------------------------

  @Test
  void updateWithArithmeticReturningCount() {
    UpdateNode u = new UpdateNode(USERS, ExprNode.eq(col("users", 0), arg(2)),
        List.of(new Assignment(1, arg(0)),
            new Assignment(4, new ExprNode.Arith(ExprNode.ArithOp.ADD, col("users", 4), arg(1)))),
        new Returning.Count());
    RenderedSql r = assertSql(u, "UPDATE \"users\" SET \"name\" = ?, \"login_count\" = "
        + "\"login_count\" + ? WHERE \"id\" = ?", 0, 1, 2);
    assertArrayEquals(new Type[] {Type.Scalar.STRING, Type.Scalar.I32, Type.Scalar.I64},
        r.markerTypes());
    assertFalse(r.returnsRows());
  }

  @Test
  void updateReturningRowsUsesFinalTable() {
    UpdateNode u =
        new UpdateNode(
            USERS,
            ExprNode.eq(col("users", 0), arg(1)),
            List.of(
                new Assignment(
                    4, new ExprNode.Arith(ExprNode.ArithOp.SUB, col("users", 4), arg(0)))),
            new Returning.Project(List.of(col("users", 0), col("users", 4))));
    RenderedSql r = assertSql(u, "SELECT \"id\", \"login_count\" FROM FINAL TABLE (UPDATE "
        + "\"users\" SET \"login_count\" = \"login_count\" - ? WHERE \"id\" = ?)", 0, 1);
    assertTrue(r.returnsRows());
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.I32), r.returnTypes());
  }

  @Test
  void deleteReturningCount() {
    DeleteNode d =
        new DeleteNode(
            USERS,
            new ExprNode.InList(col("users", 0), List.of(arg(0), arg(1))),
            new Returning.Count());
    RenderedSql r = assertSql(d, "DELETE FROM \"users\" WHERE \"id\" IN (?, ?)", 0, 1);
    assertFalse(r.returnsRows());
  }

  @Test
  void deleteReturningRowsUsesOldTable() {
    DeleteNode d = new DeleteNode(USERS, ExprNode.eq(col("users", 0), arg(0)),
        new Returning.Project(List.of(col("users", 2))));
    assertSql(d, "SELECT \"email\" FROM OLD TABLE (DELETE FROM \"users\" WHERE \"id\" = ?)", 0);
  }

  @Test
  void insertManyRowsReturningCount() {
    InsertNode i = new InsertNode(USERS, List.of(1, 2, 3, 4, 5), List.of(
        ExprNode.Record.of(arg(0), arg(1), ExprNode.NULL, arg(2), arg(3)),
        ExprNode.Record.of(arg(4), arg(5), arg(6), arg(7), arg(8))), new Returning.Count());
    RenderedSql r = assertSql(i, "INSERT INTO \"users\" (\"name\", \"email\", \"nickname\", "
        + "\"login_count\", \"status\") VALUES (?, ?, NULL, ?, ?), (?, ?, ?, ?, ?)",
        0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertFalse(r.returnsRows());
    assertTrue(r.generatedColumns().isEmpty());
    assertEquals(Type.Scalar.STRING, r.markerTypes()[6]);
    assertEquals(Fixtures.STATUS, r.markerTypes()[3]);
  }

  @Test
  void insertReturningKeysAsksForGeneratedValues() {
    InsertNode i = new InsertNode(USERS, List.of(1, 2, 4, 5), List.of(
        ExprNode.Record.of(arg(0), arg(1), arg(2), arg(3))), new Returning.Keys(List.of(0)));
    RenderedSql r = assertSql(i, "INSERT INTO \"users\" (\"name\", \"email\", \"login_count\", "
        + "\"status\") VALUES (?, ?, ?, ?)", 0, 1, 2, 3);
    assertTrue(r.returnsRows());
    assertEquals(List.of("id"), r.generatedColumns());
    assertEquals(List.of(Type.Scalar.I64), r.returnTypes());
  }

  @Test
  void insertReturningAllColumns() {
    InsertNode i = new InsertNode(MEMBERSHIPS, List.of(0, 1, 2), List.of(
        ExprNode.Record.of(arg(0), arg(1), arg(2))), new Returning.Project(List.of(
            col("memberships", 0), col("memberships", 1), col("memberships", 2))));
    RenderedSql r = assertSql(i, "INSERT INTO \"memberships\" (\"org_id\", \"user_id\", \"role\")"
        + " VALUES (?, ?, ?)", 0, 1, 2);
    assertEquals(List.of("org_id", "user_id", "role"), r.generatedColumns());
  }

  @Test
  void insertWithoutColumnsWritesDefaults() {
    InsertNode i =
        new InsertNode(
            USERS,
            List.of(),
            List.of(ExprNode.Record.of(), ExprNode.Record.of()),
            new Returning.Keys(List.of(0)));
    assertSql(i, "INSERT INTO \"users\" (\"id\") VALUES (DEFAULT), (DEFAULT)");
  }

  @Test
  void insertRowOfTheWrongWidthIsRejected() {
    InsertNode i = new InsertNode(USERS, List.of(1, 2), List.of(ExprNode.Record.of(arg(0))),
        new Returning.Count());
    assertThrows(IllegalArgumentException.class, () -> renderer.render(i));
  }

  // ---- identifiers, errors and the cache -----------------------------------------------------

  @Test
  void identifiersAreQuotedWithQuotesDoubled() {
    StringBuilder out = new StringBuilder();
    H2Dialect.INSTANCE.quoteIdentifier(out, "we\"ird name");
    assertEquals("\"we\"\"ird name\"", out.toString());
  }

  @Test
  void modelLevelStatementsAndBadColumnsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> renderer.render(Query.all("User")));
    assertThrows(IllegalArgumentException.class,
        () -> renderer.render(select(USERS, ExprNode.TRUE, col("users", 42))));
    assertThrows(IllegalArgumentException.class, () -> renderer.render(
        select(USERS, ExprNode.eq(new ExprNode.Field("User", 0), arg(0)), col("users", 0))));
  }

  @Test
  void renderingIsCachedPerStatementInstance() {
    Query q = select(USERS, ExprNode.eq(col("users", 0), arg(0)), col("users", 1));
    RenderedSql first = renderer.render(q);
    assertSame(first, renderer.render(q));
    Query equalButDistinct = select(USERS, ExprNode.eq(col("users", 0), arg(0)), col("users", 1));
    RenderedSql other = renderer.render(equalButDistinct);
    assertNotSame(first, other);
    assertEquals(first.sql(), other.sql());
    assertEquals(2, renderer.cachedCount());
  }
}
