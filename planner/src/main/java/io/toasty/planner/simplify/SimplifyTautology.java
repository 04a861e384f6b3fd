package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/** An OR holding a term and its negation is TRUE ({@code p OR NOT p}), for terms never NULL. */
public final class SimplifyTautology implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (e instanceof ExprNode.Or or
        && SimplifyContradiction.hasComplementaryPair(or.operands(), cx)) {
      return ExprNode.TRUE;
    }
    return null;
  }
}
