package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/**
 * A comparison with the NULL literal is unknown (NULL) whatever the other side holds; in a filter
 * {@link SimplifyFilter} then turns it into FALSE: no row matches {@code name = NULL}.
 */
public final class SimplifyCompareNull implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (e instanceof Expr.Compare c && (isNull(c.left()) || isNull(c.right()))) {
      return Expr.NULL;
    }
    if (e instanceof Expr.InList in && isNull(in.operand())) {
      return Expr.NULL;
    }
    return null;
  }

  private static boolean isNull(Expr e) {
    return e instanceof Expr.Const c && c.value().isNull();
  }
}
