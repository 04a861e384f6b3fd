package io.toasty.planner.simplify;

import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;

/**
 * In a filter a row matches only when the condition is TRUE, so an unknown (NULL) term is as good
 * as FALSE, and {@code x = x} as good as {@code NOT (x IS NULL)}. The rewrite goes down through
 * AND and OR (which keep the set of TRUE rows) but not through NOT (where NULL and FALSE differ).
 */
public final class SimplifyFilter {
  private SimplifyFilter() {}

  /** {@code filter} with NULL replaced by FALSE wherever only truth matters. */
  public static ExprNode apply(ExprNode filter) {
    if (filter instanceof ExprNode.Const c && c.value().isNull()) {
      return ExprNode.FALSE;
    }
    if (filter instanceof ExprNode.Compare c && c.left().equals(c.right())) {
      return switch (c.op()) {
        case EQ, LE, GE -> new ExprNode.Not(new ExprNode.IsNull(c.left()));
        default -> ExprNode.FALSE;
      };
    }
    if (filter instanceof ExprNode.And || filter instanceof ExprNode.Or) {
      return Children.map(filter, SimplifyFilter::apply);
    }
    return filter;
  }
}
