package io.toasty.reactive.observe;

import io.toasty.schema.Schema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.KeyPin;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The most records a statement can emit, read off the statement as written: one for a count, an
 * aggregate without group by, or a filter that pins the model's key; a query's constant
 * {@code LIMIT}; an insert's rows. A subscriber that cancels once it has that many (a
 * {@code next()} after an update's count, a {@code take(n)} of a limit of n) cancelled nothing
 * the statement had left to give: its result was complete (see {@link Observing}).
 */
final class RowBound {
  /** No bound: any cancel before the end cut the result short. */
  static final long NONE = Long.MAX_VALUE;

  private RowBound() {}

  /** The bound of {@code statement}, or {@link #NONE}. */
  static long of(StatementNode statement, Schema schema) {
    Returning returning = statement.returning();
    if (returning instanceof Returning.Count
        || returning instanceof Returning.Grouped g && g.groupBy().isEmpty()) {
      return 1;
    }
    if (statement instanceof InsertNode insert) {
      return insert.rows().size();
    }
    long bound = statement instanceof Query q ? limit(q) : NONE;
    ExprNode filter = statement instanceof Query q ? q.filter()
        : statement instanceof UpdateNode u ? u.filter()
        : statement instanceof DeleteNode d ? d.filter() : null;
    return pinsKey(filter, statement.source(), schema) ? Math.min(bound, 1) : bound;
  }

  private static long limit(Query q) {
    if (q.limit() == null || !q.limit().partitionBy().isEmpty()) {
      return NONE;
    }
    ExprNode count = q.limit().count();
    return count instanceof ExprNode.Const k && k.value() instanceof Value.I64 n && n.value() >= 0
        ? n.value() : NONE;
  }

  private static boolean pinsKey(@Nullable ExprNode filter, Source source, Schema schema) {
    return filter != null && source instanceof Source.Model m && schema.hasModel(m.model())
        && KeyPin.pins(filter, schema.model(m.model()));
  }
}
