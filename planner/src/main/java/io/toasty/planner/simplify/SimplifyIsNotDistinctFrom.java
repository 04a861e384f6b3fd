package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IS NOT DISTINCT FROM NULL} is {@code x IS NULL}; when neither side can be NULL (an
 * argument never is: parameterization keeps NULL literal) it is plain {@code x = y}. With one
 * nullable side it must stay: for a NULL {@code x}, {@code x = v} is unknown where this is false,
 * and {@code NOT} tells the two apart.
 */
public final class SimplifyIsNotDistinctFrom implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.IsNotDistinctFrom d)) {
      return null;
    }
    if (isNullLiteral(d.right())) {
      return new ExprNode.IsNull(d.left());
    }
    if (isNullLiteral(d.left())) {
      return new ExprNode.IsNull(d.right());
    }
    if (!cx.mayBeNull(d.left()) && !cx.mayBeNull(d.right())) {
      return new ExprNode.Compare(ExprNode.CompareOp.EQ, d.left(), d.right());
    }
    return null;
  }

  private static boolean isNullLiteral(ExprNode e) {
    return e instanceof ExprNode.Const c && c.value().isNull();
  }
}
