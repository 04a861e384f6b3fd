package io.toasty.planner.plan;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.plan.node.Concat;
import io.toasty.planner.plan.node.Const;
import io.toasty.planner.plan.node.Filter;
import io.toasty.planner.plan.node.FindPkByIndex;
import io.toasty.planner.plan.node.LimitRows;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.QueryPk;
import io.toasty.planner.plan.node.Scan;
import io.toasty.planner.plan.node.SortRows;
import io.toasty.planner.plan.node.UpdateByKey;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanKeyValueTest {
  static final Capability KV = Capability.DYNAMODB;
  static final Capability NO_SCAN = new Capability("kv-no-scan", false, true, false, false, false,
      false, false, false, false, false, 255);
  static final Capability KV_OR = new Capability("kv-or", false, true, true, false, false,
      false, false, true, false, false, 255);

  private static Query events(ExprNode filter) {
    return new Query(new Source.Model("Event"), filter, Returning.Model.plain(), List.of(), null);
  }

  @Test
  void primaryKeyEqualityIsGetByKey() {
    Mir mir = Plans.mir(users(eq(user(ID), i64(1))), KV);
    assertEquals("Const, GetByKey", Plans.kinds(mir));
    assertEquals(
        List.of(ExprNode.Record.of(new ExprNode.Arg(0))), ((Const) mir.nodes().get(0)).rows());
  }

  /** {@code (Event.a, Event.b) IN ((x1, y1), (x2, y2))}. */
  private static ExprNode eventTupleIn(
      int a, int b, ExprNode x1, ExprNode y1, ExprNode x2, ExprNode y2) {
    return new ExprNode.InList(
        ExprNode.Record.of(new ExprNode.Field("Event", a), new ExprNode.Field("Event", b)),
        List.of(ExprNode.Record.of(x1, y1), ExprNode.Record.of(x2, y2)));
  }

  @Test
  void tupleOfThePrimaryKeyInAListIsGetByKeyWithoutRowValues() {
    Mir mir = Plans.mir(events(eventTupleIn(0, 1, str("a"), i64(1), str("b"), i64(2))), KV);
    assertTrue(Plans.kinds(mir).contains("GetByKey"), Plans.kinds(mir));
    assertFalse(Plans.kinds(mir).contains("Scan"), Plans.kinds(mir));
  }

  @Test
  void tupleWithThePartitionKeyQueriesEachPartition() {
    ExprNode in = eventTupleIn(2, 0, str("p"), str("a"), str("q"), str("b"));
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
    Mir mir = Plans.mir(users(ExprNode.and(eq(user(ID), i64(1)), eq(user(NAME), str("a")))), KV);
    assertEquals("Const, GetByKey, Filter", Plans.kinds(mir));
    assertEquals(eq(new ExprNode.Column("users", NAME), new ExprNode.Arg(1)),
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
    ExprNode f = ExprNode.and(eq(new ExprNode.Field("Event", 0), str("s")), new ExprNode.Compare(
        ExprNode.CompareOp.GT, new ExprNode.Field("Event", 1), i64(10)));
    Mir mir = Plans.mir(events(ExprNode.and(f, eq(new ExprNode.Field("Event", 2), str("p")))), KV);
    assertEquals("QueryPk", Plans.kinds(mir));
    QueryPk q = (QueryPk) mir.nodes().get(0);
    assertEquals(2, ((ExprNode.And) q.keyCondition()).operands().size());
    assertEquals(eq(new ExprNode.Column("events", 2), new ExprNode.Arg(2)), q.filter());
  }

  @Test
  void aLimitWithoutOffsetIsThePartitionQuerysPageSize() {
    ExprNode stream = eq(new ExprNode.Field("Event", 0), str("s"));
    Query limited = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new OrderBy(new ExprNode.Field("Event", 1),
            OrderBy.Direction.DESC)), new io.toasty.stmt.Limit(i64(21), null));
    Mir mir = Plans.mir(limited, KV);
    assertEquals("QueryPk, LimitRows", Plans.kinds(mir));
    QueryPk q = (QueryPk) mir.nodes().get(0);
    assertEquals(((LimitRows) mir.nodes().get(1)).count(), q.pageSize());
    Mir skipping = Plans.mir(limited.withLimit(new io.toasty.stmt.Limit(i64(21), i64(5))), KV);
    assertNull(((QueryPk) skipping.nodes().get(0)).pageSize());
    assertNull(((QueryPk) Plans.mir(events(stream), KV).nodes().get(0)).pageSize());
  }

  @Test
  void anOrderOfTheSortKeyWithinAPartitionIsTheQuerysDirection() {
    ExprNode stream = eq(new ExprNode.Field("Event", 0), str("s"));
    Query desc = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new OrderBy(new ExprNode.Field("Event", 1),
            OrderBy.Direction.DESC)), null);
    Mir mir = Plans.mir(desc, KV);
    assertEquals("QueryPk", Plans.kinds(mir));
    assertFalse(((QueryPk) mir.nodes().get(0)).forward());
    Query byPayload = new Query(new Source.Model("Event"), stream, Returning.Model.plain(),
        List.of(new OrderBy(new ExprNode.Field("Event", 2),
            OrderBy.Direction.ASC)), null);
    assertEquals("QueryPk, SortRows", Plans.kinds(Plans.mir(byPayload, KV)));
  }

  @Test
  void anOrderTheReadCannotDeliverIsSortedInMemoryBeforeTheLimit() {
    Query q = new Query(new Source.Model("Event"), eq(new ExprNode.Field("Event", 0), str("s")),
        Returning.Model.plain(), List.of(new OrderBy(new ExprNode.Field("Event", 2),
            OrderBy.Direction.DESC)), new io.toasty.stmt.Limit(
            new ExprNode.Const(new Value.I64(2)), null));
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
    Mir mir = Plans.mir(users(ExprNode.or(eq(user(ID), i64(1)), eq(user(ID), i64(2)))), KV);
    assertEquals("Const, GetByKey", Plans.kinds(mir));
    assertEquals(2, ((Const) mir.nodes().get(0)).rows().size());
  }

  @Test
  void orOfIndexLookupsFansOut() {
    ExprNode f = ExprNode.or(eq(user(NICKNAME), str("a")), eq(user(NICKNAME), str("b")));
    Mir mir = Plans.mir(users(f), KV);
    assertEquals("FindPkByIndex, FindPkByIndex, Concat, GetByKey", Plans.kinds(mir));
    assertEquals(List.of(0), ((Concat) mir.nodes().get(2)).distinctKey());
    assertEquals("FindPkByIndex, GetByKey", Plans.kinds(Plans.mir(users(f), KV_OR)));
  }

  @Test
  void orWithAnUnkeyedBranchScans() {
    ExprNode f = ExprNode.or(eq(user(NICKNAME), str("a")), eq(user(NAME), str("b")));
    assertEquals("Scan", Plans.kinds(Plans.mir(users(f), KV)));
  }

  @Test
  void orOfPartitionQueriesConcatDistinct() {
    ExprNode f = ExprNode.or(eq(new ExprNode.Field("Event", 0), str("a")),
        eq(new ExprNode.Field("Event", 0), str("b")));
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
    ExprNode product =
        new ExprNode.Arith(
            ExprNode.ArithOp.ADD,
            new ExprNode.Arith(ExprNode.ArithOp.MUL, user(LOGIN_COUNT), i64(2)),
            user(LOGIN_COUNT));
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(LOGIN_COUNT, product),
            new Assignment(NAME, new ExprNode.Func(ExprNode.FuncOp.UPPER, user(NAME)))),
        new Returning.Count());
    Mir mir = Plans.mir(u, KV);
    assertEquals("Const, UpdateByKey", Plans.kinds(mir));
    UpdateByKey write = (UpdateByKey) mir.nodes().get(1);
    assertEquals(new ExprNode.Arith(ExprNode.ArithOp.ADD, new ExprNode.Arith(ExprNode.ArithOp.MUL,
        new ExprNode.Column("users", LOGIN_COUNT), new ExprNode.Arg(1)),
        new ExprNode.Column("users", LOGIN_COUNT)), write.assignments().get(0).value());
  }

  @Test
  void anUpsertByAUniqueFieldIsOneOperationAndSeveralRowsAreRefused() {
    InsertNode one = upsertByEmail(1);
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(one, KV)));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> Plans.mir(upsertByEmail(2), KV));
    assertEquals(Feature.UPSERT_MANY, e.feature());
  }

  private static InsertNode upsertByEmail(int rows) {
    List<ExprNode.Record> values = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      values.add(ExprNode.Record.of(i64(r), str("n"), str("e" + r), new ExprNode.Const(
          Value.NULL), new ExprNode.Default(), str("DRAFT")));
    }
    return new InsertNode(new Source.Model("User"), List.of(), values,
        Returning.Model.plain(), new OnConflict(List.of(EMAIL), List.of(NAME),
            List.of(new Assignment(LOGIN_COUNT, new ExprNode.Arith(ExprNode.ArithOp.MUL,
                user(LOGIN_COUNT), i64(2))))));
  }

  @Test
  void updateAndDeleteFindKeysThenWriteByKey() {
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(EMAIL), str("a@x")),
        List.of(new Assignment(NAME, str("b"))), new Returning.Count());
    assertEquals("FindPkByIndex, UpdateByKey", Plans.kinds(Plans.mir(u, KV)));
    DeleteNode d = new DeleteNode(new Source.Model("User"), eq(user(NAME), str("a")),
        new Returning.Count());
    Mir mir = Plans.mir(d, KV);
    assertEquals("Scan, DeleteByKey", Plans.kinds(mir));
    assertEquals(List.of(0), ((Scan) mir.nodes().get(0)).columns());
  }

  @Test
  void whatTheBackendsFilterCannotHoldIsEvaluatedAfterTheRead() {
    ExprNode ends =
        new ExprNode.Pattern(ExprNode.PatternKind.ENDS_WITH, user(EMAIL), str("@x"), false);
    Mir mir = Plans.mir(users(ExprNode.and(eq(user(NAME), str("a")), ends)), KV);
    assertEquals("Scan, Filter", Plans.kinds(mir));
    assertEquals(eq(new ExprNode.Column("users", NAME), new ExprNode.Arg(0)),
        ((Scan) mir.nodes().get(0)).filter());
    assertInstanceOf(ExprNode.Pattern.class, ((Filter) mir.nodes().get(1)).predicate());
    Mir sql = Plans.mir(users(ExprNode.and(eq(user(NAME), str("a")), ends)), Capability.H2);
    assertEquals("ExecStatement", Plans.kinds(sql));
  }

  @Test
  void anInListBeyondAHundredValuesIsEvaluatedAfterTheRead() {
    List<ExprNode> names = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      names.add(str("n" + i));
    }
    Mir mir = Plans.mir(users(new ExprNode.InList(user(NAME), names)), KV);
    assertEquals("Scan, Filter", Plans.kinds(mir));
    assertEquals(ExprNode.TRUE, ((Scan) mir.nodes().get(0)).filter());
    Mir hundred = Plans.mir(users(new ExprNode.InList(user(NAME), names.subList(0, 100))), KV);
    assertEquals("Scan", Plans.kinds(hundred));
  }

  @Test
  void aWriteConditionTheBackendCannotHoldIsRefusedBeforeSending() {
    ExprNode ends = new ExprNode.Pattern(ExprNode.PatternKind.LIKE, user(NAME), str("a%"), true);
    DeleteNode d = new DeleteNode(new Source.Model("User"), ends, new Returning.Count());
    var e = assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(d, KV));
    assertEquals(Feature.PATTERN_MATCH, e.feature());
    assertTrue(e.getMessage().contains("users"), e.getMessage());
  }

  @Test
  void anInsertBeyondOneAtomicWriteIsRefusedBeforeSending() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    InsertNode hundred = new InsertNode(new Source.Model("Todo"), List.of(),
        Collections.nCopies(100, row), new Returning.Count());
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(hundred, KV)));
    InsertNode more = new InsertNode(new Source.Model("Todo"), List.of(),
        Collections.nCopies(101, row), new Returning.Count());
    var e = assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(more, KV));
    assertEquals(Feature.TRANSACTION_SIZE, e.feature());
    assertTrue(e.getMessage().contains("101 records of todos"), e.getMessage());
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(more, Capability.H2)));
  }

  @Test
  void insertReturnsTheRowsItStored() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    InsertNode i = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    Mir mir = Plans.mir(i, KV);
    assertEquals("ExecStatement, Const", Plans.kinds(mir));
    assertEquals(List.of(0), mir.nodes().get(1).after());
  }

  @Test
  void aBackendWithoutMultiRowInsertGetsOneInsertPerRow() {
    Capability oneRow = new Capability("kv-one-row", false, true, false, false, false, false,
        false, true, false, false, 255);
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    InsertNode i = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    Mir mir = Plans.mir(i, oneRow);
    assertEquals("ExecStatement, ExecStatement, Const", Plans.kinds(mir));
    assertEquals(List.of(0, 1), mir.nodes().get(2).after());
  }

  @Test
  void identityKeysAreUnsupported() {
    InsertNode i =
        new InsertNode(
            new Source.Model("User"),
            List.of(),
            List.of(
                userRow(
                    new ExprNode.Default(),
                    str("a"),
                    str("b"),
                    ExprNode.NULL,
                    new ExprNode.Default(),
                    str("DRAFT"))),
            Returning.Model.plain());
    assertThrows(UnsupportedFeatureException.class, () -> Plans.mir(i, KV));
  }

  @Test
  void orderByOfAKeyLookupIsSortedInMemory() {
    Query q = users(eq(user(ID), i64(1))).withOrderBy(List.of(new OrderBy(
        user(NAME), OrderBy.Direction.ASC)));
    assertEquals("Const, GetByKey, SortRows", Plans.kinds(Plans.mir(q, KV)));
  }
}
