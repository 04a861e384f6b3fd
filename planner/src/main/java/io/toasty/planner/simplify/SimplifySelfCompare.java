package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/**
 * A comparison of an expression with itself, where it cannot be NULL: {@code x = x},
 * {@code x <= x}, {@code x >= x} are TRUE; {@code x <> x}, {@code x < x}, {@code x > x} FALSE.
 */
public final class SimplifySelfCompare implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.Compare c && c.left().equals(c.right()))
        || c.left() instanceof Expr.Record || cx.mayBeNull(c.left())) {
      return null;
    }
    return switch (c.op()) {
      case EQ, LE, GE -> Expr.TRUE;
      default -> Expr.FALSE;
    };
  }
}
