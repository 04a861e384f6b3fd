package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/**
 * {@code x IS NOT DISTINCT FROM NULL} is {@code x IS NULL}; when neither side can be NULL (an
 * argument never is: parameterization keeps NULL literal) it is plain {@code x = y}. With one
 * nullable side it must stay: for a NULL {@code x}, {@code x = v} is unknown where this is false,
 * and {@code NOT} tells the two apart.
 */
public final class SimplifyIsNotDistinctFrom implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.IsNotDistinctFrom d)) {
      return null;
    }
    if (isNullLiteral(d.right())) {
      return new Expr.IsNull(d.left());
    }
    if (isNullLiteral(d.left())) {
      return new Expr.IsNull(d.right());
    }
    if (!cx.mayBeNull(d.left()) && !cx.mayBeNull(d.right())) {
      return new Expr.Compare(Expr.CompareOp.EQ, d.left(), d.right());
    }
    return null;
  }

  private static boolean isNullLiteral(Expr e) {
    return e instanceof Expr.Const c && c.value().isNull();
  }
}
