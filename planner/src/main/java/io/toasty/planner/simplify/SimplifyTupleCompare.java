package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Tuple decomposition: {@code (a, b) = (x, y)} becomes {@code a = x AND b = y}, and
 * {@code (a, b) <> (x, y)} becomes {@code a <> x OR b <> y}.
 */
public final class SimplifyTupleCompare implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.Compare c && c.left() instanceof Expr.Record l
        && c.right() instanceof Expr.Record r && l.fields().size() == r.fields().size())) {
      return null;
    }
    if (c.op() != Expr.CompareOp.EQ && c.op() != Expr.CompareOp.NE) {
      return null;
    }
    List<Expr> parts = new ArrayList<>(l.fields().size());
    for (int i = 0; i < l.fields().size(); i++) {
      parts.add(new Expr.Compare(c.op(), l.fields().get(i), r.fields().get(i)));
    }
    return c.op() == Expr.CompareOp.EQ ? new Expr.And(parts) : new Expr.Or(parts);
  }
}
