package io.toasty.sql.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-value ordering comparisons spelled as OR-chains, for a dialect without row values. */
class RowComparisonsTest {
  private final ExprNode a = new ExprNode.Column("t", 0);
  private final ExprNode b = new ExprNode.Column("t", 1);
  private final ExprNode x = new ExprNode.Arg(0);
  private final ExprNode y = new ExprNode.Arg(1);

  private ExprNode cmp(ExprNode.CompareOp op, ExprNode l, ExprNode r) {
    return new ExprNode.Compare(op, l, r);
  }

  @Test
  void strictAndInclusiveChains() {
    assertEquals(new ExprNode.Or(List.of(cmp(ExprNode.CompareOp.GT, a, x), new ExprNode.And(List.of(
        cmp(ExprNode.CompareOp.EQ, a, x), cmp(ExprNode.CompareOp.GT, b, y))))),
        RowComparisons.expand(ExprNode.CompareOp.GT, List.of(a, b), List.of(x, y)));
    assertEquals(new ExprNode.Or(List.of(cmp(ExprNode.CompareOp.LT, a, x), new ExprNode.And(List.of(
        cmp(ExprNode.CompareOp.EQ, a, x), cmp(ExprNode.CompareOp.LE, b, y))))),
        RowComparisons.expand(ExprNode.CompareOp.LE, List.of(a, b), List.of(x, y)));
    assertEquals(cmp(ExprNode.CompareOp.GE, a, x),
        RowComparisons.expand(ExprNode.CompareOp.GE, List.of(a), List.of(x)));
  }

  @Test
  void onlyOrderingComparisonsExpand() {
    assertTrue(RowComparisons.orders(ExprNode.CompareOp.LT));
    assertFalse(RowComparisons.orders(ExprNode.CompareOp.EQ));
    assertFalse(RowComparisons.orders(ExprNode.CompareOp.NE));
  }
}
