package io.toasty.planner.lower;

import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.HirOutput;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model query becomes a table query that projects columns: every column for
 * {@code Returning.Model} (lifted back by {@code fieldFromColumns}), the referenced columns for a
 * projection; a count stays a count ({@code SELECT COUNT(*)}).
 */
final class LowerQuery {
  private LowerQuery() {}

  static Lowered lower(Query q, LowerContext cx) {
    LowerExpr lx = new LowerExpr(cx.schema);
    if (q.returning() instanceof Returning.Count) {
      return new Lowered(new Query(new Source.Table(cx.table.name()), lx.expr(q.filter()),
          new Returning.Count(), List.of(), null, null, q.consistency()), new HirOutput.Count());
    }
    if (q.returning() instanceof Returning.Grouped g) {
      return grouped(q, g, lx, cx);
    }
    List<ExprNode> outputs = outputs(q.returning(), lx, cx);
    List<ExprNode> fetched;
    if (outputs.stream().anyMatch(o -> Walk.any(o, x -> x instanceof ExprNode.Scalar))) {
      // A subquery (a relation's aggregate per record) is computed by the database: the
      // statement selects the outputs themselves, and the rows are read by position.
      Positions computed = Positions.of(cx.table.name(), outputs);
      fetched = computed.selected();
      outputs = computed.outputs();
    } else {
      fetched = fetched(q.returning(), outputs, cx);
    }
    Query table = new Query(new Source.Table(cx.table.name()), lx.expr(q.filter()),
        new Returning.Project(fetched), lx.orderBy(q.orderBy()), q.limit(), q.lock(),
        q.consistency());
    return new Lowered(table, new HirOutput.Rows(outputs));
  }

  /**
   * Expressions a statement selects as they are, and the outputs that read them back by
   * position. A record of columns (a field stored in several columns, selected whole) is
   * selected column by column, and its output is the record of those positions, so that no
   * backend meets a row value there.
   */
  record Positions(List<ExprNode> selected, List<ExprNode> outputs) {
    static Positions of(String table, List<ExprNode> lowered) {
      List<ExprNode> selected = new ArrayList<>(lowered.size());
      List<ExprNode> outputs = new ArrayList<>(lowered.size());
      for (ExprNode e : lowered) {
        if (e instanceof ExprNode.Record r) {
          List<ExprNode> positions = new ArrayList<>(r.fields().size());
          for (ExprNode f : r.fields()) {
            positions.add(new ExprNode.Column(table, selected.size()));
            selected.add(f);
          }
          outputs.add(new ExprNode.Record(positions));
        } else {
          outputs.add(new ExprNode.Column(table, selected.size()));
          selected.add(e);
        }
      }
      return new Positions(selected, outputs);
    }
  }

  /**
   * A grouped query stays grouped over columns; its rows are the records as they come back (the
   * outputs read positions 0..n-1 of each row). A record of columns (a field stored in several
   * columns, selected or grouped by whole) is selected and grouped by column by column, and its
   * output is the record of those positions, so that no backend meets a row value there.
   */
  private static Lowered grouped(Query q, Returning.Grouped g, LowerExpr lx, LowerContext cx) {
    String table = cx.table.name();
    List<ExprNode> lowereds = new ArrayList<>(g.exprs().size());
    g.exprs().forEach(e -> lowereds.add(lx.expr(e)));
    Positions positions = Positions.of(table, lowereds);
    List<ExprNode> selected = positions.selected();
    List<ExprNode> outputs = positions.outputs();
    List<ExprNode> by = new ArrayList<>(g.groupBy().size());
    for (ExprNode e : g.groupBy()) {
      ExprNode lowered = lx.expr(e);
      by.addAll(lowered instanceof ExprNode.Record r ? r.fields() : List.of(lowered));
    }
    Returning.Grouped lowered = new Returning.Grouped(selected, by, lx.expr(g.having()),
        g.distinct());
    Query statement = new Query(new Source.Table(table), lx.expr(q.filter()), lowered,
        lx.orderBy(q.orderBy()), q.limit(), null, q.consistency());
    return new Lowered(statement, new HirOutput.Rows(outputs));
  }

  /** The result expressions over columns. */
  static List<ExprNode> outputs(Returning r, LowerExpr lx, LowerContext cx) {
    if (r instanceof Returning.Project p) {
      List<ExprNode> out = new ArrayList<>(p.exprs().size());
      p.exprs().forEach(e -> out.add(lx.expr(e)));
      return out;
    }
    return DeferredFields.outputs(r, cx);
  }

  private static List<ExprNode> fetched(Returning r, List<ExprNode> outputs, LowerContext cx) {
    if (!(r instanceof Returning.Project)) {
      return DeferredFields.fetched(r, cx);
    }
    Set<ExprNode> columns = new LinkedHashSet<>();
    outputs.forEach(o -> Walk.each(o, x -> {
      if (x instanceof ExprNode.Column) {
        columns.add(x);
      }
    }));
    return new ArrayList<>(columns);
  }

  /** A lowered statement and its output. */
  record Lowered(StatementNode statement, HirOutput output) {}
}
