package io.toasty.planner.simplify;

import io.toasty.planner.Fixtures;
import io.toasty.stmt.Expr;

/** Shorthands for the rule tests. */
final class RuleTesting {
  static final SimplifyContext CX = new SimplifyContext(Fixtures.SCHEMA);

  private RuleTesting() {}

  static Expr apply(SimplifyRule rule, Expr e) {
    return rule.apply(e, CX);
  }

  static Expr not(Expr e) {
    return new Expr.Not(e);
  }

  static Expr cmp(Expr.CompareOp op, Expr a, Expr b) {
    return new Expr.Compare(op, a, b);
  }

  static Expr arg(int i) {
    return new Expr.Arg(i);
  }
}
