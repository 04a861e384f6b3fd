package io.toasty.planner.expr;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import java.util.function.UnaryOperator;

/** A returning with its expressions and its includes' scopes rewritten. */
public final class ReturningMap {
  private ReturningMap() {}

  /** {@code r} with {@code expr} applied to its expressions and {@code scope} to its includes'. */
  public static Returning map(Returning r, UnaryOperator<ExprNode> expr,
      UnaryOperator<Query> scope) {
    if (r instanceof Returning.Model m) {
      return m.withIncludes(m.includes().stream()
          .map(i -> new IncludeNode(i.relation(), scope.apply(i.scope()))).toList());
    }
    if (r instanceof Returning.Grouped g) {
      return new Returning.Grouped(g.exprs().stream().map(expr).toList(),
          g.groupBy().stream().map(expr).toList(), expr.apply(g.having()), g.distinct());
    }
    if (r instanceof Returning.Project p) {
      return new Returning.Project(p.exprs().stream().map(expr).toList());
    }
    return r;
  }
}
