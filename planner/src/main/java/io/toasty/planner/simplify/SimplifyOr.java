package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code OR}: nested ORs are flattened, FALSE and repeated operands dropped; an operand TRUE makes
 * the whole TRUE; no operand left is FALSE, one is that operand.
 */
public final class SimplifyOr implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.Or or)) {
      return null;
    }
    Set<ExprNode> out = new LinkedHashSet<>();
    if (flatten(or.operands(), out)) {
      return ExprNode.TRUE;
    }
    if (out.isEmpty()) {
      return ExprNode.FALSE;
    }
    if (out.size() == 1) {
      return out.iterator().next();
    }
    List<ExprNode> operands = new ArrayList<>(out);
    return operands.equals(or.operands()) ? null : new ExprNode.Or(operands);
  }

  /** Adds the flattened operands; true when one of them is TRUE. */
  private static boolean flatten(List<ExprNode> operands, Set<ExprNode> out) {
    for (ExprNode o : operands) {
      if (o.equals(ExprNode.TRUE)) {
        return true;
      } else if (o instanceof ExprNode.Or inner) {
        if (flatten(inner.operands(), out)) {
          return true;
        }
      } else if (!o.equals(ExprNode.FALSE)) {
        out.add(o);
      }
    }
    return false;
  }
}
