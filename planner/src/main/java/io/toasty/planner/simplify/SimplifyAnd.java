package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code AND}: nested ANDs are flattened, TRUE and repeated operands dropped; an operand FALSE
 * makes the whole FALSE; no operand left is TRUE, one is that operand.
 */
public final class SimplifyAnd implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.And and)) {
      return null;
    }
    Set<ExprNode> out = new LinkedHashSet<>();
    if (flatten(and.operands(), out)) {
      return ExprNode.FALSE;
    }
    if (out.isEmpty()) {
      return ExprNode.TRUE;
    }
    if (out.size() == 1) {
      return out.iterator().next();
    }
    List<ExprNode> operands = new ArrayList<>(out);
    return operands.equals(and.operands()) ? null : new ExprNode.And(operands);
  }

  /** Adds the flattened operands; true when one of them is FALSE. */
  private static boolean flatten(List<ExprNode> operands, Set<ExprNode> out) {
    for (ExprNode o : operands) {
      if (o.equals(ExprNode.FALSE)) {
        return true;
      } else if (o instanceof ExprNode.And inner) {
        if (flatten(inner.operands(), out)) {
          return true;
        }
      } else if (!o.equals(ExprNode.TRUE)) {
        out.add(o);
      }
    }
    return false;
  }
}
