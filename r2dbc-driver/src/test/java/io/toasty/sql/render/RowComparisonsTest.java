package io.toasty.sql.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.stmt.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-value ordering comparisons spelled as OR-chains, for a dialect without row values. */
class RowComparisonsTest {
  private final Expr a = new Expr.Column("t", 0);
  private final Expr b = new Expr.Column("t", 1);
  private final Expr x = new Expr.Arg(0);
  private final Expr y = new Expr.Arg(1);

  private Expr cmp(Expr.CompareOp op, Expr l, Expr r) {
    return new Expr.Compare(op, l, r);
  }

  @Test
  void strictAndInclusiveChains() {
    assertEquals(new Expr.Or(List.of(cmp(Expr.CompareOp.GT, a, x), new Expr.And(List.of(
        cmp(Expr.CompareOp.EQ, a, x), cmp(Expr.CompareOp.GT, b, y))))),
        RowComparisons.expand(Expr.CompareOp.GT, List.of(a, b), List.of(x, y)));
    assertEquals(new Expr.Or(List.of(cmp(Expr.CompareOp.LT, a, x), new Expr.And(List.of(
        cmp(Expr.CompareOp.EQ, a, x), cmp(Expr.CompareOp.LE, b, y))))),
        RowComparisons.expand(Expr.CompareOp.LE, List.of(a, b), List.of(x, y)));
    assertEquals(cmp(Expr.CompareOp.GE, a, x),
        RowComparisons.expand(Expr.CompareOp.GE, List.of(a), List.of(x)));
  }

  @Test
  void onlyOrderingComparisonsExpand() {
    assertTrue(RowComparisons.orders(Expr.CompareOp.LT));
    assertFalse(RowComparisons.orders(Expr.CompareOp.EQ));
    assertFalse(RowComparisons.orders(Expr.CompareOp.NE));
  }
}
