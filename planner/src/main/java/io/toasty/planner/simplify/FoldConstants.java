package io.toasty.planner.simplify;

import io.toasty.planner.eval.Eval;
import io.toasty.stmt.Expr;
import java.util.List;

/**
 * Constant folding: an operator whose operands are all literals becomes the literal it evaluates
 * to ({@code TRUE = FALSE} → FALSE, {@code NOT NULL} → NULL, {@code NULL IS NULL} → TRUE).
 */
public final class FoldConstants implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    boolean foldable = e instanceof Expr.Compare || e instanceof Expr.Not
        || e instanceof Expr.IsNull || e instanceof Expr.Arith || e instanceof Expr.Pattern
        || e instanceof Expr.IsNotDistinctFrom || e instanceof Expr.Func;
    if (!foldable || !allConst(e)) {
      return null;
    }
    try {
      return new Expr.Const(Eval.eval(e, List.of(), null));
    } catch (RuntimeException incomparable) {
      return null; // leave it to the database to report
    }
  }

  private static boolean allConst(Expr e) {
    boolean[] all = {true};
    io.toasty.planner.expr.Children.forEach(e, c -> all[0] &= c instanceof Expr.Const);
    return all[0];
  }
}
