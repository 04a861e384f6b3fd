package io.toasty.planner.simplify;

import io.toasty.planner.expr.Children;
import io.toasty.stmt.Expr;

/**
 * In a filter a row matches only when the condition is TRUE, so an unknown (NULL) term is as good
 * as FALSE, and {@code x = x} as good as {@code NOT (x IS NULL)}. The rewrite goes down through
 * AND and OR (which keep the set of TRUE rows) but not through NOT (where NULL and FALSE differ).
 */
public final class SimplifyFilter {
  private SimplifyFilter() {}

  /** {@code filter} with NULL replaced by FALSE wherever only truth matters. */
  public static Expr apply(Expr filter) {
    if (filter instanceof Expr.Const c && c.value().isNull()) {
      return Expr.FALSE;
    }
    if (filter instanceof Expr.Compare c && c.left().equals(c.right())) {
      return switch (c.op()) {
        case EQ, LE, GE -> new Expr.Not(new Expr.IsNull(c.left()));
        default -> Expr.FALSE;
      };
    }
    if (filter instanceof Expr.And || filter instanceof Expr.Or) {
      return Children.map(filter, SimplifyFilter::apply);
    }
    return filter;
  }
}
