package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/**
 * {@code NOT}: double negation cancels; {@code NOT (a = b)} becomes {@code a <> b} (and likewise
 * for every comparison, which is exact under SQL's three-valued logic).
 */
public final class SimplifyNot implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.Not not)) {
      return null;
    }
    Expr x = not.operand();
    if (x instanceof Expr.Not inner) {
      return inner.operand();
    }
    if (x instanceof Expr.Compare c && !(c.left() instanceof Expr.Record)) {
      return new Expr.Compare(c.op().negate(), c.left(), c.right());
    }
    return null;
  }
}
