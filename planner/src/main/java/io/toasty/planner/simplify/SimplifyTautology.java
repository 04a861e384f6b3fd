package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;

/** An OR holding a term and its negation is TRUE ({@code p OR NOT p}), for terms never NULL. */
public final class SimplifyTautology implements SimplifyRule {
  @Override
  public ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (e instanceof ExprNode.Or or
        && SimplifyContradiction.hasComplementaryPair(or.operands(), cx)) {
      return ExprNode.TRUE;
    }
    return null;
  }
}
