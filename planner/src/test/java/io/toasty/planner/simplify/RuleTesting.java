package io.toasty.planner.simplify;

import io.toasty.planner.Fixtures;
import io.toasty.stmt.ExprNode;

/** Shorthands for the rule tests. */
final class RuleTesting {
  static final SimplifyContext CX = new SimplifyContext(Fixtures.SCHEMA);

  private RuleTesting() {}

  static ExprNode apply(SimplifyRule rule, ExprNode e) {
    return rule.apply(e, CX);
  }

  static ExprNode not(ExprNode e) {
    return new ExprNode.Not(e);
  }

  static ExprNode cmp(ExprNode.CompareOp op, ExprNode a, ExprNode b) {
    return new ExprNode.Compare(op, a, b);
  }

  static ExprNode arg(int i) {
    return new ExprNode.Arg(i);
  }
}
