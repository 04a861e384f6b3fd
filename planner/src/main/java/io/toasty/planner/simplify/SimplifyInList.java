package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (y)} is {@code x = y}. {@code x IN ()} is FALSE where {@code x} cannot be NULL; for a
 * nullable {@code x} it is unknown on NULL (so that an empty {@code notIn} matches every non-null
 * value), written {@code x <> x}, which a filter then reads as FALSE.
 */
public final class SimplifyInList implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.InList in)) {
      return null;
    }
    if (in.items().isEmpty()) {
      return cx.mayBeNull(in.operand())
          ? new ExprNode.Compare(ExprNode.CompareOp.NE, in.operand(), in.operand())
          : ExprNode.FALSE;
    }
    if (in.items().size() == 1) {
      return new ExprNode.Compare(ExprNode.CompareOp.EQ, in.operand(), in.items().get(0));
    }
    return null;
  }
}
