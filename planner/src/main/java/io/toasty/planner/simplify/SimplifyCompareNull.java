package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * A comparison with the NULL literal is unknown (NULL) whatever the other side holds; in a filter
 * {@link SimplifyFilter} then turns it into FALSE: no row matches {@code name = NULL}.
 */
public final class SimplifyCompareNull implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (e instanceof ExprNode.Compare c && (isNull(c.left()) || isNull(c.right()))) {
      return ExprNode.NULL;
    }
    if (e instanceof ExprNode.InList in && isNull(in.operand())) {
      return ExprNode.NULL;
    }
    return null;
  }

  private static boolean isNull(ExprNode e) {
    return e instanceof ExprNode.Const c && c.value().isNull();
  }
}
