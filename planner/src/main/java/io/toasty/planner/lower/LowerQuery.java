package io.toasty.planner.lower;

import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.HirOutput;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model query becomes a table query that projects columns: every column for
 * {@code Returning.Model} (lifted back by {@code fieldFromColumns}), the referenced columns for a
 * projection.
 */
final class LowerQuery {
  private LowerQuery() {}

  static Lowered lower(Query q, LowerContext cx) {
    LowerExpr lx = new LowerExpr(cx.schema);
    List<Expr> outputs = outputs(q.returning(), lx, cx);
    Query table = new Query(new Source.Table(cx.table.name()), lx.expr(q.filter()),
        new Returning.Project(fetched(q.returning(), outputs, cx)), lx.orderBy(q.orderBy()),
        q.limit());
    return new Lowered(table, new HirOutput.Rows(outputs));
  }

  /** The result expressions over columns. */
  static List<Expr> outputs(Returning r, LowerExpr lx, LowerContext cx) {
    if (r instanceof Returning.Project p) {
      List<Expr> out = new ArrayList<>(p.exprs().size());
      p.exprs().forEach(e -> out.add(lx.expr(e)));
      return out;
    }
    return cx.mapping.fieldFromColumns();
  }

  private static List<Expr> fetched(Returning r, List<Expr> outputs, LowerContext cx) {
    if (!(r instanceof Returning.Project)) {
      return cx.allColumns();
    }
    Set<Expr> columns = new LinkedHashSet<>();
    outputs.forEach(o -> Walk.each(o, x -> {
      if (x instanceof Expr.Column) {
        columns.add(x);
      }
    }));
    return new ArrayList<>(columns);
  }

  /** A lowered statement and its output. */
  record Lowered(io.toasty.stmt.Statement statement, HirOutput output) {}
}
