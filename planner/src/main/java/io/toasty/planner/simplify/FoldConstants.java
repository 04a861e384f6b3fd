package io.toasty.planner.simplify;

import io.toasty.planner.eval.Eval;
import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Constant folding: an operator whose operands are all literals becomes the literal it evaluates
 * to ({@code TRUE = FALSE} → FALSE, {@code NOT NULL} → NULL, {@code NULL IS NULL} → TRUE).
 */
public final class FoldConstants implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    boolean foldable =
        e instanceof ExprNode.Compare
            || e instanceof ExprNode.Not
            || e instanceof ExprNode.IsNull
            || e instanceof ExprNode.Arith
            || e instanceof ExprNode.Pattern
            || e instanceof ExprNode.IsNotDistinctFrom
            || e instanceof ExprNode.Func;
    if (!foldable || !allConst(e)) {
      return null;
    }
    try {
      return new ExprNode.Const(Eval.eval(e, List.of(), null));
    } catch (RuntimeException incomparable) {
      return null; // leave it to the database to report
    }
  }

  private static boolean allConst(ExprNode e) {
    boolean[] all = {true};
    Children.forEach(e, c -> all[0] &= c instanceof ExprNode.Const);
    return all[0];
  }
}
