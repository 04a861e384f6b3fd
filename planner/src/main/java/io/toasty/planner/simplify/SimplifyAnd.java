package io.toasty.planner.simplify;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code AND}: nested ANDs are flattened, TRUE and repeated operands dropped; an operand FALSE
 * makes the whole FALSE; no operand left is TRUE, one is that operand.
 */
public final class SimplifyAnd implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.And and)) {
      return null;
    }
    Set<Expr> out = new LinkedHashSet<>();
    if (flatten(and.operands(), out)) {
      return Expr.FALSE;
    }
    if (out.isEmpty()) {
      return Expr.TRUE;
    }
    if (out.size() == 1) {
      return out.iterator().next();
    }
    List<Expr> operands = new ArrayList<>(out);
    return operands.equals(and.operands()) ? null : new Expr.And(operands);
  }

  /** Adds the flattened operands; true when one of them is FALSE. */
  private static boolean flatten(List<Expr> operands, Set<Expr> out) {
    for (Expr o : operands) {
      if (o.equals(Expr.FALSE)) {
        return true;
      } else if (o instanceof Expr.And inner) {
        if (flatten(inner.operands(), out)) {
          return true;
        }
      } else if (!o.equals(Expr.TRUE)) {
        out.add(o);
      }
    }
    return false;
  }
}
