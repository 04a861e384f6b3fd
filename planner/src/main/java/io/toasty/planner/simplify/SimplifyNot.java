package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code NOT}: double negation cancels; {@code NOT (a = b)} becomes {@code a <> b} (and likewise
 * for every comparison, which is exact under SQL's three-valued logic).
 */
public final class SimplifyNot implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.Not not)) {
      return null;
    }
    ExprNode x = not.operand();
    if (x instanceof ExprNode.Not inner) {
      return inner.operand();
    }
    if (x instanceof ExprNode.Compare c && !(c.left() instanceof ExprNode.Record)) {
      return new ExprNode.Compare(c.op().negate(), c.left(), c.right());
    }
    return null;
  }
}
