package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;

/** An OR holding a term and its negation is TRUE ({@code p OR NOT p}), for terms never NULL. */
public final class SimplifyTautology implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (e instanceof Expr.Or or && SimplifyContradiction.hasComplementaryPair(or.operands(), cx)) {
      return Expr.TRUE;
    }
    return null;
  }
}
