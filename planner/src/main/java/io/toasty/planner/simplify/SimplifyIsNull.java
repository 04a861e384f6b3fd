package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IS NULL} is FALSE when {@code x} cannot be NULL: an argument (NULL stays literal), a
 * record, or a field the schema declares non-nullable.
 */
public final class SimplifyIsNull implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (e instanceof ExprNode.IsNull n && !(n.operand() instanceof ExprNode.Const)
        && isAtom(n.operand()) && !cx.mayBeNull(n.operand())) {
      return ExprNode.FALSE;
    }
    return null;
  }

  private static boolean isAtom(ExprNode e) {
    return e instanceof ExprNode.Arg || e instanceof ExprNode.Field || e instanceof ExprNode.Record;
  }
}
