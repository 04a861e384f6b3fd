package io.toasty.planner.plan;

import io.toasty.planner.expr.Walk;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;

/**
 * On a key-value backend, the columns of deferred fields a table query leaves out of its reads
 * (a {@code ProjectionExpression} without them): those its lowered projection does not list and
 * its filter and order do not test, since an engine filter or sort after the read needs them.
 */
final class UnreadColumns {
  private UnreadColumns() {}

  /** The deferred columns of {@code table} that {@code q} neither returns nor tests. */
  static List<Integer> of(Query q, TableSchema table, Schema schema) {
    if (!(q.returning() instanceof Returning.Project p)) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (ModelSchema m : schema.models()) {
      if (!schema.mapping(m.name()).table().equals(table.name())) {
        continue;
      }
      for (FieldSchema f : m.fields()) {
        int c = schema.mapping(m.name()).columnOf(f.index());
        ExprNode column = new ExprNode.Column(table.name(), c);
        if (f.deferred() && c >= 0 && !p.exprs().contains(column) && !tested(q, c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Whether {@code q}'s filter or order reads column {@code c}. */
  private static boolean tested(Query q, int c) {
    List<ExprNode> terms = new ArrayList<>();
    terms.add(q.filter());
    q.orderBy().forEach(o -> terms.add(o.expr()));
    boolean[] found = {false};
    terms.forEach(t -> Walk.each(t, x -> found[0] |= x instanceof ExprNode.Column col
        && col.index() == c));
    return found[0];
  }

  /**
   * The positions that turn a row of {@code read} (column indexes) into a row of all
   * {@code width} columns: each column's position in the read row, -1 (NULL) where it was not
   * read.
   */
  static List<Integer> widening(List<Integer> read, int width) {
    List<Integer> out = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      out.add(read.indexOf(c));
    }
    return out;
  }
}
