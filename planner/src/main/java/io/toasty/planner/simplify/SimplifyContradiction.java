package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An AND holding a term and its negation is FALSE: {@code e IS NULL AND NOT e IS NULL},
 * {@code p AND NOT p}, {@code a = b AND a <> b}. Only for terms that cannot be NULL, where the
 * rewrite is exact even under a NOT.
 */
public final class SimplifyContradiction implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.And and)) {
      return null;
    }
    return hasComplementaryPair(and.operands(), cx) ? Expr.FALSE : null;
  }

  /** Whether two operands are each other's negation (and neither may be NULL). */
  static boolean hasComplementaryPair(List<Expr> operands, SimplifyContext cx) {
    Set<Expr> seen = new HashSet<>(operands);
    for (Expr o : operands) {
      Expr negated = negation(o);
      if (negated != null && seen.contains(negated) && !cx.mayBeNull(o)) {
        return true;
      }
    }
    return false;
  }

  /** The structural negation of {@code e}, where there is an obvious one. */
  static Expr negation(Expr e) {
    if (e instanceof Expr.Not n) {
      return n.operand();
    }
    if (e instanceof Expr.Compare c && !(c.left() instanceof Expr.Record)) {
      return new Expr.Compare(c.op().negate(), c.left(), c.right());
    }
    return new Expr.Not(e);
  }
}
