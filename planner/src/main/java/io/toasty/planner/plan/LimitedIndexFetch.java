package io.toasty.planner.plan;

import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a key-value backend can read an include's limit per parent from an index in the
 * include's own order, so that no parent's children beyond its limit are read: the include
 * orders by one field, the sort key of a two-column index whose partition is the foreign key
 * ({@code @Index(sortBy = ..)}), and has no filter of its own (a filter would make the backend
 * read past rows it then drops, so the index's Limit would no longer bound what is kept).
 * Otherwise the include keeps the general path: each parent's children read whole through the
 * foreign key's index, sorted and cut in memory.
 */
final class LimitedIndexFetch {
  private LimitedIndexFetch() {}

  /** The fetch for child query {@code q} joined on {@code childColumns}, or null. */
  static MergeBranch.@Nullable IndexFetch of(Query q, List<Integer> childColumns,
      TableSchema table) {
    if (q.limit() == null || !q.filter().equals(ExprNode.TRUE) || childColumns.size() != 1
        || q.orderBy().size() != 1 || !(q.orderBy().get(0).expr() instanceof ExprNode.Column c)) {
      return null;
    }
    int fk = childColumns.get(0);
    for (TableIndex index : table.indexes()) {
      if (index.columns().equals(List.of(fk, c.index()))) {
        List<Integer> columns = ExecStatement.fetched(q);
        List<Integer> keyPositions = new ArrayList<>();
        table.primaryKey().forEach(k -> keyPositions.add(columns.indexOf(k)));
        return new MergeBranch.IndexFetch(table.name(), index.name(), fk, columns, keyPositions,
            q.orderBy().get(0).direction() == OrderBy.Direction.ASC, q.limit().count(),
            q.limit().offset());
      }
    }
    return null;
  }
}
