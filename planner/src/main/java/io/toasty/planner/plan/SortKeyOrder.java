package io.toasty.planner.plan;

import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a key-value read can deliver an {@code ORDER BY} itself: a partition query (the
 * partition key fixed) ordered by the table's sort key, or a query of a two-column index's
 * partition ordered by the index's sort key, which the backend reads forward or backward
 * (DynamoDB's {@code ScanIndexForward}). Further terms only break ties: none are left within a
 * table partition (its sort key is unique there), while index records sharing a sort key value
 * are put in order by the engine as they stream by ({@link SortRows} of presorted rows). Any
 * other order needs every row in memory first: the engine sorts them ({@link SortRows}).
 */
final class SortKeyOrder {
  private SortKeyOrder() {}

  /** TRUE for ascending, FALSE for descending, null when {@code path} cannot deliver it. */
  static @Nullable Boolean of(List<OrderBy> orderBy, KeyPath path, TableSchema table) {
    int sortKey = sortKey(path, table);
    if (sortKey < 0 || orderBy.isEmpty() || !(orderBy.get(0).expr() instanceof ExprNode.Column c)
        || c.index() != sortKey) {
      return null;
    }
    return orderBy.get(0).direction() == OrderBy.Direction.ASC;
  }

  /** The column {@code path} reads in order, or -1. */
  private static int sortKey(KeyPath path, TableSchema table) {
    List<Integer> pk = table.primaryKey();
    if (path instanceof KeyPath.PartitionQuery && pk.size() == 2) {
      return pk.get(1);
    }
    if (path instanceof KeyPath.IndexQuery iq) {
      return iq.index().columns().get(1);
    }
    return -1;
  }
}
