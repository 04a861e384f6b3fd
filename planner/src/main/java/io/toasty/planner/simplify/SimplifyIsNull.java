package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/**
 * {@code x IS NULL} is FALSE when {@code x} cannot be NULL: an argument (NULL stays literal), a
 * record, or a field the schema declares non-nullable.
 */
public final class SimplifyIsNull implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (e instanceof Expr.IsNull n && !(n.operand() instanceof Expr.Const)
        && isAtom(n.operand()) && !cx.mayBeNull(n.operand())) {
      return Expr.FALSE;
    }
    return null;
  }

  private static boolean isAtom(Expr e) {
    return e instanceof Expr.Arg || e instanceof Expr.Field || e instanceof Expr.Record;
  }
}
