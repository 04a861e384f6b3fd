package io.toasty.planner.plan;

import static io.toasty.planner.Fixtures.eq;
import static io.toasty.planner.Fixtures.i64;
import static io.toasty.planner.Fixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.PlanActions;
import io.toasty.planner.action.Var;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.lower.Lower;
import io.toasty.planner.plan.node.FindPkByIndex;
import io.toasty.planner.plan.node.LimitRows;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.SortRows;
import io.toasty.planner.simplify.Simplify;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy.Direction;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan choice for a read of a two-column index ({@code @Index(sortBy = ..)}) on a key-value
 * backend: a filter fixing the index's first field and an order by its second is one index read
 * in that order, the page size and the sort key's range pushed into it; anything else is what it
 * was without the sort key.
 */
class IndexPagePlanTest {
  static final Capability KV = Capability.DYNAMODB;
  static final int ID = 0;
  static final int BOARD = 1;
  static final int RANK = 2;
  static final int TITLE = 3;
  static final int TAG = 4;

  /** A listing on a board; the index on board is ordered by rank. */
  static final ModelSchema LISTING = new ModelSchema("Listing", "com.example.Listing",
      "listings", List.of(
          new FieldSchema(ID, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(BOARD, "board", Type.Scalar.STRING, false, null, null, "board"),
          new FieldSchema(RANK, "rank", Type.Scalar.I64, false, null, null, "rank"),
          new FieldSchema(TITLE, "title", Type.Scalar.STRING, false, null, null, "title"),
          new FieldSchema(TAG, "tag", Type.Scalar.STRING, true, null, null, "tag")),
      List.of(ID), List.of(new IndexSchema("listings_board_idx", List.of(BOARD, RANK), false)));
  static final Schema SCHEMA = Schema.of(List.of(LISTING));

  static ExprNode.Field f(int field) {
    return new ExprNode.Field("Listing", field);
  }

  static ExprNode cmp(ExprNode.CompareOp op, int field, long v) {
    return new ExprNode.Compare(op, f(field), i64(v));
  }

  static OrderBy by(int field, Direction d) {
    return new OrderBy(f(field), d);
  }

  static Query listings(ExprNode filter, List<OrderBy> orderBy, io.toasty.stmt.Limit limit) {
    return new Query(new Source.Model("Listing"), filter, Returning.Model.plain(), orderBy,
        limit);
  }

  static Mir mir(StatementNode s, Capability cap) {
    var shape = Parameterize.of(s);
    StatementNode simplified = Simplify.statement(shape.statement(), SCHEMA);
    return Plan.plan(Lower.lower(simplified, SCHEMA, cap, shape.args().size()), SCHEMA, cap);
  }

  /** {@code q} asking for strongly consistent items: the index's keys, then the items by key. */
  static Query strong(Query q) {
    return q.withConsistency(ReadConsistency.STRONG);
  }

  /** The second page of "board a by rank descending, 3 a page" after (rank 5, id 7). */
  static Query secondPageDescending() {
    ExprNode after = ExprNode.and(cmp(ExprNode.CompareOp.LE, RANK, 5), new ExprNode.Or(List.of(
        cmp(ExprNode.CompareOp.LT, RANK, 5), ExprNode.and(cmp(ExprNode.CompareOp.EQ, RANK, 5),
            cmp(ExprNode.CompareOp.GT, ID, 7)))));
    return listings(ExprNode.and(eq(f(BOARD), str("a")), after),
        List.of(by(RANK, Direction.DESC), by(ID, Direction.ASC)),
        new io.toasty.stmt.Limit(i64(4), null));
  }

  static <T> T node(Mir mir, Class<T> kind) {
    return mir.nodes().stream().filter(kind::isInstance).map(kind::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " in " + mir));
  }

  /** The comparisons of {@code e}'s conjuncts, as "column op". */
  static List<String> terms(ExprNode e) {
    List<String> out = new ArrayList<>();
    for (ExprNode t : Conjuncts.of(e)) {
      if (t instanceof ExprNode.Compare c && c.left() instanceof ExprNode.Column col) {
        out.add(LISTING.fields().get(col.index()).name() + " " + c.op());
      } else {
        out.add(t.getClass().getSimpleName());
      }
    }
    return out;
  }

  @Test
  void aPageByTheIndexSortKeyIsOneIndexReadInThatOrder() {
    Mir mir = mir(strong(secondPageDescending()), KV);
    assertEquals("FindPkByIndex, SortRows, LimitRows, ProjectRows, GetByKey, Filter",
        Plans.kinds(mir));
    FindPkByIndex read = node(mir, FindPkByIndex.class);
    assertEquals("listings_board_idx", read.index());
    assertFalse(read.forward(), "rank descending reads the index backwards");
    // the cursor's range on the sort key is part of the key condition, not a filter
    assertEquals(List.of("board EQ", "rank LE"), terms(read.keyCondition()));
    assertEquals(List.of("Or"), terms(read.filter()));
    assertEquals(node(mir, LimitRows.class).count(), read.pageSize());
    assertEquals(5, read.columns().size(), "the rows come from the index, every column");
  }

  @Test
  void tiesOnTheSortKeyAreSortedOneRunAtATimeBeforeTheLimit() {
    Mir mir = mir(secondPageDescending(), KV);
    SortRows sort = node(mir, SortRows.class);
    assertEquals(1, sort.presorted(), "the index delivers the first term");
    assertEquals(mir.nodes().indexOf(sort), node(mir, LimitRows.class).input());
    Query byRankAlone = listings(eq(f(BOARD), str("a")), List.of(by(RANK, Direction.ASC)),
        new io.toasty.stmt.Limit(i64(4), null));
    Mir alone = mir(strong(byRankAlone), KV);
    assertEquals("FindPkByIndex, LimitRows, ProjectRows, GetByKey", Plans.kinds(alone));
    assertTrue(node(alone, FindPkByIndex.class).forward());
  }

  /**
   * The page's keys are stored for the read by key, but the index read, its sort and its limit
   * stream into them: the limit's cancel stops the index read after the page.
   */
  @Test
  void theIndexReadStreamsIntoTheLimitSoThatItStopsThere() {
    ActionPlan plan = PlanActions.plan(
        mir(strong(secondPageDescending()), KV), KV);
    List<Boolean> streams = plan.vars().stream().map(Var::streams)
        .toList();
    // FindPkByIndex, SortRows, LimitRows stream; ProjectRows (the keys) stored; GetByKey, Filter out
    assertEquals(List.of(true, true, true, false, true, true), streams);
  }

  @Test
  void aPageIsTheIndexReadAloneByDefaultAndWhenEventual() {
    assertEquals("FindPkByIndex, SortRows, LimitRows",
        Plans.kinds(mir(secondPageDescending(), KV)));
    Mir mir = mir(secondPageDescending().withConsistency(ReadConsistency.EVENTUAL), KV);
    assertEquals("FindPkByIndex, SortRows, LimitRows", Plans.kinds(mir));
  }

  @Test
  void aRangeOfTheQueryJoinsTheKeyConditionAndOtherFieldsTheFilter() {
    Query q = listings(new ExprNode.And(List.of(eq(f(BOARD), str("a")),
            cmp(ExprNode.CompareOp.GE, RANK, 3), eq(f(TAG), str("x")))),
        List.of(by(RANK, Direction.ASC)),
        new io.toasty.stmt.Limit(i64(3), null));
    FindPkByIndex read = node(mir(q, KV), FindPkByIndex.class);
    assertEquals(List.of("board EQ", "rank GE"), terms(read.keyCondition()));
    assertEquals(List.of("tag EQ"), terms(read.filter()));
  }

  @Test
  void anOffsetReadsWithoutAPageSize() {
    Query q = listings(eq(f(BOARD), str("a")), List.of(by(RANK, Direction.DESC)),
        new io.toasty.stmt.Limit(i64(3), i64(6)));
    Mir mir = mir(q, KV);
    assertNull(node(mir, FindPkByIndex.class).pageSize());
    assertFalse(node(mir, FindPkByIndex.class).forward());
  }

  @Test
  void anotherOrderReadsTheIndexValueWholeAndSortsIt() {
    Query q = listings(eq(f(BOARD), str("a")), List.of(by(TITLE, Direction.ASC)),
        new io.toasty.stmt.Limit(i64(3), null));
    Mir mir = mir(strong(q), KV);
    assertEquals("FindPkByIndex, GetByKey, SortRows, LimitRows", Plans.kinds(mir));
    assertNull(node(mir, FindPkByIndex.class).pageSize(), "a page size would cut the sort");
    assertEquals(0, node(mir, SortRows.class).presorted());
  }

  @Test
  void bothIndexFieldsFixedIsALookupAndAnUnindexedFilterScans() {
    Query both = listings(ExprNode.and(eq(f(BOARD), str("a")), eq(f(RANK), i64(3))), List.of(),
        null);
    assertEquals("FindPkByIndex", Plans.kinds(mir(both, KV)));
    assertEquals("FindPkByIndex, GetByKey", Plans.kinds(mir(strong(both), KV)));
    Query byRank = listings(cmp(ExprNode.CompareOp.GT, RANK, 3), List.of(), null);
    assertEquals("Scan", Plans.kinds(mir(byRank, KV)));
  }

  @Test
  void sqlPlansTheSamePageAsOneQuery() {
    Mir mir = mir(secondPageDescending(), Capability.POSTGRESQL);
    assertFalse(Plans.kinds(mir).contains("FindPkByIndex"), Plans.kinds(mir));
    assertFalse(Plans.kinds(mir).contains("SortRows"), Plans.kinds(mir));
  }
}
