package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * A comparison of an expression with itself, where it cannot be NULL: {@code x = x},
 * {@code x <= x}, {@code x >= x} are TRUE; {@code x <> x}, {@code x < x}, {@code x > x} FALSE.
 */
public final class SimplifySelfCompare implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.Compare c && c.left().equals(c.right()))
        || c.left() instanceof ExprNode.Record || cx.mayBeNull(c.left())) {
      return null;
    }
    return switch (c.op()) {
      case EQ, LE, GE -> ExprNode.TRUE;
      default -> ExprNode.FALSE;
    };
  }
}
