package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tuple decomposition: {@code (a, b) = (x, y)} becomes {@code a = x AND b = y}, and
 * {@code (a, b) <> (x, y)} becomes {@code a <> x OR b <> y}.
 */
public final class SimplifyTupleCompare implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.Compare c && c.left() instanceof ExprNode.Record l
        && c.right() instanceof ExprNode.Record r && l.fields().size() == r.fields().size())) {
      return null;
    }
    if (c.op() != ExprNode.CompareOp.EQ && c.op() != ExprNode.CompareOp.NE) {
      return null;
    }
    List<ExprNode> parts = new ArrayList<>(l.fields().size());
    for (int i = 0; i < l.fields().size(); i++) {
      parts.add(new ExprNode.Compare(c.op(), l.fields().get(i), r.fields().get(i)));
    }
    return c.op() == ExprNode.CompareOp.EQ ? new ExprNode.And(parts) : new ExprNode.Or(parts);
  }
}
