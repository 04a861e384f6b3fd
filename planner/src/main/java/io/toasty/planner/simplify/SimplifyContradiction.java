package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AND holding a term and its negation is FALSE: {@code e IS NULL AND NOT e IS NULL},
 * {@code p AND NOT p}, {@code a = b AND a <> b}. Only for terms that cannot be NULL, where the
 * rewrite is exact even under a NOT.
 */
public final class SimplifyContradiction implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.And and)) {
      return null;
    }
    return hasComplementaryPair(and.operands(), cx) ? ExprNode.FALSE : null;
  }

  /** Whether two operands are each other's negation (and neither may be NULL). */
  static boolean hasComplementaryPair(List<ExprNode> operands, SimplifyContext cx) {
    Set<ExprNode> seen = new HashSet<>(operands);
    for (ExprNode o : operands) {
      ExprNode negated = negation(o);
      if (negated != null && seen.contains(negated) && !cx.mayBeNull(o)) {
        return true;
      }
    }
    return false;
  }

  /** The structural negation of {@code e}, where there is an obvious one. */
  static ExprNode negation(ExprNode e) {
    if (e instanceof ExprNode.Not n) {
      return n.operand();
    }
    if (e instanceof ExprNode.Compare c && !(c.left() instanceof ExprNode.Record)) {
      return new ExprNode.Compare(c.op().negate(), c.left(), c.right());
    }
    return new ExprNode.Not(e);
  }
}
