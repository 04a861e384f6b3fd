package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which reads {@link BoundedRead} lets run as one execution, without a cursor. */
class BoundedReadTest {
  /** Table {@code t} keyed by columns 0 and 1; table {@code u} has no key. */
  private static final Map<String, List<Integer>> KEYS = Map.of("t", List.of(0, 1), "u",
      List.of());
  private static final int PAGE = 256;

  @Test
  void aFilterPinningEveryKeyColumnIsBounded() {
    ExprNode filter = new ExprNode.And(List.of(eq("t", 0, new ExprNode.Arg(0)),
        eq("t", 2, new ExprNode.Arg(1)), eq("t", 1, new ExprNode.Const(new Value.I64(7)))));
    assertTrue(BoundedRead.of(query("t", filter, null), KEYS, PAGE));
  }

  @Test
  void aFilterPinningPartOfTheKeyOrUnderAnOrIsNot() {
    assertFalse(BoundedRead.of(query("t", eq("t", 0, new ExprNode.Arg(0)), null), KEYS, PAGE));
    ExprNode either = new ExprNode.Or(List.of(
        new ExprNode.And(List.of(eq("t", 0, new ExprNode.Arg(0)), eq("t", 1, new ExprNode.Arg(1)))),
        eq("t", 2, new ExprNode.Arg(2))));
    assertFalse(BoundedRead.of(query("t", either, null), KEYS, PAGE));
    ExprNode toNull = new ExprNode.And(List.of(eq("t", 0, new ExprNode.Arg(0)),
        eq("t", 1, new ExprNode.Const(Value.NULL))));
    assertFalse(BoundedRead.of(query("t", toNull, null), KEYS, PAGE));
  }

  @Test
  void aTableWithoutAKeyIsBoundedOnlyByItsLimit() {
    assertFalse(BoundedRead.of(query("u", eq("u", 0, new ExprNode.Arg(0)), null), KEYS, PAGE));
    assertTrue(BoundedRead.of(query("u", eq("u", 0, new ExprNode.Arg(0)), limit(PAGE)), KEYS,
        PAGE));
  }

  @Test
  void aConstantLimitUpToAPageIsBoundedAndALargerOneIsNot() {
    ExprNode all = new ExprNode.Const(new Value.Bool(true));
    assertTrue(BoundedRead.of(query("t", all, limit(1)), KEYS, PAGE));
    assertFalse(BoundedRead.of(query("t", all, limit(PAGE + 1)), KEYS, PAGE));
    assertFalse(BoundedRead.of(query("t", all, new Limit(new ExprNode.Arg(0), null, List.of())),
        KEYS, PAGE));
    assertFalse(BoundedRead.of(query("t", all, null), KEYS, PAGE));
  }

  @Test
  void aCountIsOneRow() {
    Query count = new Query(new Source.Table("t", null), new ExprNode.Const(new Value.Bool(true)),
        new Returning.Count(), List.of(), null);
    assertTrue(BoundedRead.of(count, KEYS, PAGE));
  }

  private static ExprNode eq(String table, int column, ExprNode value) {
    return new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Column(table, column), value);
  }

  private static Limit limit(long n) {
    return new Limit(new ExprNode.Const(new Value.I64(n)), null, List.of());
  }

  /** The first column of {@code table}'s rows that match {@code filter}. */
  private static Query query(String table, ExprNode filter, Limit limit) {
    return new Query(new Source.Table(table, null), filter,
        new Returning.Project(List.of(new ExprNode.Column(table, 0))), List.of(), limit);
  }
}
