package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code OR}: nested ORs are flattened, FALSE and repeated operands dropped; an operand TRUE makes
 * the whole TRUE; no operand left is FALSE, one is that operand.
 */
public final class SimplifyOr implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.Or or)) {
      return null;
    }
    Set<Expr> out = new LinkedHashSet<>();
    if (flatten(or.operands(), out)) {
      return Expr.TRUE;
    }
    if (out.isEmpty()) {
      return Expr.FALSE;
    }
    if (out.size() == 1) {
      return out.iterator().next();
    }
    List<Expr> operands = new ArrayList<>(out);
    return operands.equals(or.operands()) ? null : new Expr.Or(operands);
  }

  /** Adds the flattened operands; true when one of them is TRUE. */
  private static boolean flatten(List<Expr> operands, Set<Expr> out) {
    for (Expr o : operands) {
      if (o.equals(Expr.TRUE)) {
        return true;
      } else if (o instanceof Expr.Or inner) {
        if (flatten(inner.operands(), out)) {
          return true;
        }
      } else if (!o.equals(Expr.FALSE)) {
        out.add(o);
      }
    }
    return false;
  }
}
