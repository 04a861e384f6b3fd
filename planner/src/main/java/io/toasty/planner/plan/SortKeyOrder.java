package io.toasty.planner.plan;

import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Expr;
import io.toasty.stmt.OrderBy;
import java.util.List;

/**
 * Whether a key-value read can deliver an {@code ORDER BY} itself: a partition query (the
 * partition key fixed) ordered by the table's sort key, which the backend reads forward or
 * backward (DynamoDB's {@code ScanIndexForward}). Any other order needs every row in memory
 * first: the engine sorts them ({@link SortRows}).
 */
final class SortKeyOrder {
  private SortKeyOrder() {}

  /** TRUE for ascending, FALSE for descending, null when {@code path} cannot deliver it. */
  static Boolean of(List<OrderBy> orderBy, KeyPath path, TableSchema table) {
    List<Integer> pk = table.primaryKey();
    if (!(path instanceof KeyPath.PartitionQuery) || pk.size() != 2 || orderBy.size() != 1
        || !(orderBy.get(0).expr() instanceof Expr.Column c) || c.index() != pk.get(1)) {
      return null;
    }
    return orderBy.get(0).direction() == OrderBy.Direction.ASC;
  }
}
