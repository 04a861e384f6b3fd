package io.toasty.planner.plan;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanKeyValueTest {
  static final Capability KV = Capability.DYNAMODB;
  static final Capability NO_SCAN = new Capability("kv-no-scan", false, true, false, false, false,
      false, false, false, false, false, 255);
  static final Capability KV_OR = new Capability("kv-or", false, true, true, false, false,
      false, false, true, false, false, 255);

  private static Query events(Expr filter) {
    return new Query(new Source.Model("Event"), filter, Returning.Model.plain(), List.of(), null);
  }

  @Test
  void primaryKeyEqualityIsGetByKey() {
    Mir mir = Plans.mir(users(eq(user(ID), i64(1))), KV);
    assertEquals("Const, GetByKey", Plans.kinds(mir));
    assertEquals(List.of(Expr.Record.of(new Expr.Arg(0))), ((Const) mir.nodes().get(0)).rows());
  }

  /** {@code (Event.a, Event.b) IN ((x1, y1), (x2, y2))}. */
  private static Expr eventTupleIn(int a, int b, Expr x1, Expr y1, Expr x2, Expr y2) {
    return new Expr.InList(Expr.Record.of(new Expr.Field("Event", a), new Expr.Field("Event", b)),
        List.of(Expr.Record.of(x1, y1), Expr.Record.of(x2, y2)));
  }

  @Test
  void tupleOfThePrimaryKeyInAListIsGetByKeyWithoutRowValues() {
    Mir mir = Plans.mir(events(eventTupleIn(0, 1, str("a"), i64(1), str("b"), i64(2))), KV);
    assertTrue(Plans.kinds(mir).contains("GetByKey"), Plans.kinds(mir));
    assertFalse(Plans.kinds(mir).contains("Scan"), Plans.kinds(mir));
  }

  @Test
  void tupleWithThePartitionKeyQueriesEachPartition() {
    Expr in = eventTupleIn(2, 0, str("p"), str("a"), str("q"), str("b"));
    assertEquals("QueryPk, QueryPk, Concat", Plans.kinds(Plans.mir(events(in), KV)));
  }

  @Test
  void tupleOfOtherFieldsScansWithTheListWhole() {
    Mir mir = Plans.mir(events(eventTupleIn(2, 1, str("p"), i64(1), str("q"), i64(2))), KV);
    assertEquals("Scan", Plans.kinds(mir));
    assertTrue(((Scan) mir.nodes().get(0)).toString().contains("InList"), mir::toString);
  }

  @Test
  void nonKeyTermsFilterInMemoryAfterGetByKey() {
    Mir mir = Plans.mir(users(Expr.and(eq(user(ID), i64(1)), eq(user(NAME), str("a")))), KV);
    assertEquals("Const, GetByKey, Filter", Plans.kinds(mir));
    assertEquals(eq(new Expr.Column("users", NAME), new Expr.Arg(1)),
        ((Filter) mir.nodes().get(2)).predicate());
  }

  @Test
  void uniqueIndexIsFindPkByIndexThenGetByKey() {
    Mir mir = Plans.mir(users(eq(user(EMAIL), str("a@x"))), KV);
    assertEquals("FindPkByIndex, GetByKey", Plans.kinds(mir));
    assertEquals("users_email_key", ((FindPkByIndex) mir.nodes().get(0)).index());
  }

  @Test
  void partitionKeyIsQueryPkWithSortKeyRange() {
    Expr f = Expr.and(eq(new Expr.Field("Event", 0), str("s")), new Expr.Compare(
        Expr.CompareOp.GT, new Expr.Field("Event", 1), i64(10)));
    Mir mir = Plans.mir(events(Expr.and(f, eq(new Expr.Field("Event", 2), str("p")))), KV);
    assertEquals("QueryPk", Plans.kinds(mir));
    QueryPk q = (QueryPk) mir.nodes().get(0);
    assertEquals(2, ((Expr.And) q.keyCondition()).operands().size());
    assertEquals(eq(new Expr.Column("events", 2), new Expr.Arg(2)), q.filter());
  }

  @Test
  void aLimitWithoutOffsetIsThePartitionQuerysPageSize() {
    Expr stream = eq(new Expr.Field("Event", 0), str("s"));
    Query limited = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new io.toasty.stmt.OrderBy(new Expr.Field("Event", 1),
            io.toasty.stmt.OrderBy.Direction.DESC)), new io.toasty.stmt.Limit(i64(21), null));
    Mir mir = Plans.mir(limited, KV);
    assertEquals("QueryPk, LimitRows", Plans.kinds(mir));
    QueryPk q = (QueryPk) mir.nodes().get(0);
    assertEquals(((io.toasty.planner.plan.LimitRows) mir.nodes().get(1)).count(), q.pageSize());
    Mir skipping = Plans.mir(limited.withLimit(new io.toasty.stmt.Limit(i64(21), i64(5))), KV);
    assertNull(((QueryPk) skipping.nodes().get(0)).pageSize());
    assertNull(((QueryPk) Plans.mir(events(stream), KV).nodes().get(0)).pageSize());
  }

  @Test
  void anOrderOfTheSortKeyWithinAPartitionIsTheQuerysDirection() {
    Expr stream = eq(new Expr.Field("Event", 0), str("s"));
    Query desc = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new io.toasty.stmt.OrderBy(new Expr.Field("Event", 1),
            io.toasty.stmt.OrderBy.Direction.DESC)), null);
    Mir mir = Plans.mir(desc, KV);
    assertEquals("QueryPk", Plans.kinds(mir));
    assertFalse(((QueryPk) mir.nodes().get(0)).forward());
    Query byPayload = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new io.toasty.stmt.OrderBy(new Expr.Field("Event", 2),
            io.toasty.stmt.OrderBy.Direction.ASC)), null);
    assertEquals("QueryPk, SortRows", Plans.kinds(Plans.mir(byPayload, KV)));
  }

  @Test
  void anOrderTheReadCannotDeliverIsSortedInMemoryBeforeTheLimit() {
    Query q = new Query(new Source.Model("Event"), eq(new Expr.Field("Event", 0), str("s")),
        Returning.Model.plain(), List.of(new io.toasty.stmt.OrderBy(new Expr.Field("Event", 2),
            io.toasty.stmt.OrderBy.Direction.DESC)), new io.toasty.stmt.Limit(
            new Expr.Const(new io.toasty.value.Value.I64(2)), null));
    Mir mir = Plans.mir(q, KV);
    assertEquals("QueryPk, SortRows, LimitRows", Plans.kinds(mir));
    // every row is read: a page size pushed into the request would cut the sort's input
    assertEquals(null, ((QueryPk) mir.nodes().get(0)).pageSize());
    SortRows sort = (SortRows) mir.nodes().get(1);
    assertEquals("Event", sort.model());
    assertEquals(SortRows.MAX_ROWS, sort.maxRows());
  }

  @Test
  void anythingElseScans() {
    Mir mir = Plans.mir(users(eq(user(NAME), str("a"))), KV);
    assertEquals("Scan", Plans.kinds(mir));
  }

  @Test
  void withoutScanTheMissingIndexIsNamed() {
    var e = assertThrows(UnsupportedFeatureException.class,
        () -> Plans.mir(users(eq(user(NAME), str("a"))), NO_SCAN));
    assertEquals("kv-no-scan", e.backend());
    assertTrue(e.getMessage().contains("(name)"), e.getMessage());
  }

  @Test
  void orOfKeysIsOneBatchedGetByKey() {
    Mir mir = Plans.mir(users(Expr.or(eq(user(ID), i64(1)), eq(user(ID), i64(2)))), KV);
    assertEquals("Const, GetByKey", Plans.kinds(mir));
    assertEquals(2, ((Const) mir.nodes().get(0)).rows().size());
  }

  @Test
  void orOfIndexLookupsFansOut() {
    Expr f = Expr.or(eq(user(NICKNAME), str("a")), eq(user(NICKNAME), str("b")));
    Mir mir = Plans.mir(users(f), KV);
    assertEquals("FindPkByIndex, FindPkByIndex, Concat, GetByKey", Plans.kinds(mir));
    assertEquals(List.of(0), ((Concat) mir.nodes().get(2)).distinctKey());
    assertEquals("FindPkByIndex, GetByKey", Plans.kinds(Plans.mir(users(f), KV_OR)));
  }

  @Test
  void orWithAnUnkeyedBranchScans() {
    Expr f = Expr.or(eq(user(NICKNAME), str("a")), eq(user(NAME), str("b")));
    assertEquals("Scan", Plans.kinds(Plans.mir(users(f), KV)));
  }

  @Test
  void orOfPartitionQueriesConcatDistinct() {
    Expr f = Expr.or(eq(new Expr.Field("Event", 0), str("a")),
        eq(new Expr.Field("Event", 0), str("b")));
    Mir mir = Plans.mir(events(f), KV);
    assertEquals("QueryPk, QueryPk, Concat", Plans.kinds(mir));
    assertEquals(List.of(0, 1), ((Concat) mir.nodes().get(2)).distinctKey());
  }

  @Test
  void limitIsInMemory() {
    Mir mir = Plans.mir(users(eq(user(EMAIL), str("a@x"))).withLimit(new Limit(i64(1), null)),
        KV);
    assertEquals("FindPkByIndex, GetByKey, LimitRows", Plans.kinds(mir));
  }

  /**
   * A value reading the record's own fields goes to the key-value driver as it is, whatever
   * DynamoDB's SET could compute: the driver computes the rest from the item as read.
   */
  @Test
  void anUpdateReadingTheRecordsFieldsIsPassedToTheDriver() {
    Expr product = new Expr.Arith(Expr.ArithOp.ADD, new Expr.Arith(Expr.ArithOp.MUL,
        user(LOGIN_COUNT), i64(2)), user(LOGIN_COUNT));
    Update u = new Update(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(LOGIN_COUNT, product),
            new Assignment(NAME, new Expr.Func(Expr.FuncOp.UPPER, user(NAME)))),
        new Returning.Count());
    Mir mir = Plans.mir(u, KV);
    assertEquals("Const, UpdateByKey", Plans.kinds(mir));
    UpdateByKey write = (UpdateByKey) mir.nodes().get(1);
    assertEquals(new Expr.Arith(Expr.ArithOp.ADD, new Expr.Arith(Expr.ArithOp.MUL,
        new Expr.Column("users", LOGIN_COUNT), new Expr.Arg(1)),
        new Expr.Column("users", LOGIN_COUNT)), write.assignments().get(0).value());
  }

  @Test
  void anUpsertByAUniqueFieldIsOneOperationAndSeveralRowsAreRefused() {
    Insert one = upsertByEmail(1);
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(one, KV)));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> Plans.mir(upsertByEmail(2), KV));
    assertEquals(Feature.UPSERT_MANY, e.feature());
  }

  private static Insert upsertByEmail(int rows) {
    List<Expr.Record> values = new java.util.ArrayList<>();
    for (int r = 0; r < rows; r++) {
      values.add(Expr.Record.of(i64(r), str("n"), str("e" + r), new Expr.Const(
          io.toasty.value.Value.NULL), new Expr.Default(), str("DRAFT")));
    }
    return new Insert(new Source.Model("User"), List.of(), values,
        Returning.Model.plain(), new io.toasty.stmt.OnConflict(List.of(EMAIL), List.of(NAME),
            List.of(new Assignment(LOGIN_COUNT, new Expr.Arith(Expr.ArithOp.MUL,
                user(LOGIN_COUNT), i64(2))))));
  }

  @Test
  void updateAndDeleteFindKeysThenWriteByKey() {
    Update u = new Update(new Source.Model("User"), eq(user(EMAIL), str("a@x")),
        List.of(new Assignment(NAME, str("b"))), new Returning.Count());
    assertEquals("FindPkByIndex, UpdateByKey", Plans.kinds(Plans.mir(u, KV)));
    Delete d = new Delete(new Source.Model("User"), eq(user(NAME), str("a")),
        new Returning.Count());
    Mir mir = Plans.mir(d, KV);
    assertEquals("Scan, DeleteByKey", Plans.kinds(mir));
    assertEquals(List.of(0), ((Scan) mir.nodes().get(0)).columns());
  }

  @Test
  void whatTheBackendsFilterCannotHoldIsEvaluatedAfterTheRead() {
    Expr ends = new Expr.Pattern(Expr.PatternKind.ENDS_WITH, user(EMAIL), str("@x"), false);
    Mir mir = Plans.mir(users(Expr.and(eq(user(NAME), str("a")), ends)), KV);
    assertEquals("Scan, Filter", Plans.kinds(mir));
    assertEquals(eq(new Expr.Column("users", NAME), new Expr.Arg(0)),
        ((Scan) mir.nodes().get(0)).filter());
    assertInstanceOf(Expr.Pattern.class, ((Filter) mir.nodes().get(1)).predicate());
    Mir sql = Plans.mir(users(Expr.and(eq(user(NAME), str("a")), ends)), Capability.H2);
    assertEquals("ExecStatement", Plans.kinds(sql));
  }

  @Test
  void anInListBeyondAHundredValuesIsEvaluatedAfterTheRead() {
    List<Expr> names = new java.util.ArrayList<>();
    for (int i = 0; i < 101; i++) {
      names.add(str("n" + i));
    }
    Mir mir = Plans.mir(users(new Expr.InList(user(NAME), names)), KV);
    assertEquals("Scan, Filter", Plans.kinds(mir));
    assertEquals(Expr.TRUE, ((Scan) mir.nodes().get(0)).filter());
    Mir hundred = Plans.mir(users(new Expr.InList(user(NAME), names.subList(0, 100))), KV);
    assertEquals("Scan", Plans.kinds(hundred));
  }

  @Test
  void aWriteConditionTheBackendCannotHoldIsRefusedBeforeSending() {
    Expr ends = new Expr.Pattern(Expr.PatternKind.LIKE, user(NAME), str("a%"), true);
    Delete d = new Delete(new Source.Model("User"), ends, new Returning.Count());
    var e = assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(d, KV));
    assertEquals(Feature.PATTERN_MATCH, e.feature());
    assertTrue(e.getMessage().contains("users"), e.getMessage());
  }

  @Test
  void anInsertBeyondOneAtomicWriteIsRefusedBeforeSending() {
    Expr.Record row = Expr.Record.of(new Expr.Default(), str("t"), new Expr.Default());
    Insert hundred = new Insert(new Source.Model("Todo"), List.of(),
        java.util.Collections.nCopies(100, row), new Returning.Count());
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(hundred, KV)));
    Insert more = new Insert(new Source.Model("Todo"), List.of(),
        java.util.Collections.nCopies(101, row), new Returning.Count());
    var e = assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(more, KV));
    assertEquals(Feature.TRANSACTION_SIZE, e.feature());
    assertTrue(e.getMessage().contains("101 records of todos"), e.getMessage());
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(more, Capability.H2)));
  }

  @Test
  void insertReturnsTheRowsItStored() {
    Expr.Record row = Expr.Record.of(new Expr.Default(), str("t"), new Expr.Default());
    Insert i = new Insert(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    Mir mir = Plans.mir(i, KV);
    assertEquals("ExecStatement, Const", Plans.kinds(mir));
    assertEquals(List.of(0), mir.nodes().get(1).after());
  }

  @Test
  void aBackendWithoutMultiRowInsertGetsOneInsertPerRow() {
    Capability oneRow = new Capability("kv-one-row", false, true, false, false, false, false,
        false, true, false, false, 255);
    Expr.Record row = Expr.Record.of(new Expr.Default(), str("t"), new Expr.Default());
    Insert i = new Insert(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    Mir mir = Plans.mir(i, oneRow);
    assertEquals("ExecStatement, ExecStatement, Const", Plans.kinds(mir));
    assertEquals(List.of(0, 1), mir.nodes().get(2).after());
  }

  @Test
  void identityKeysAreUnsupported() {
    Insert i = new Insert(new Source.Model("User"), List.of(), List.of(userRow(
        new Expr.Default(), str("a"), str("b"), Expr.NULL, new Expr.Default(), str("DRAFT"))),
        Returning.Model.plain());
    assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(i, KV));
  }

  @Test
  void orderByOfAKeyLookupIsSortedInMemory() {
    Query q = users(eq(user(ID), i64(1))).withOrderBy(List.of(new io.toasty.stmt.OrderBy(
        user(NAME), io.toasty.stmt.OrderBy.Direction.ASC)));
    assertEquals("Const, GetByKey, SortRows", Plans.kinds(Plans.mir(q, KV)));
  }
}
