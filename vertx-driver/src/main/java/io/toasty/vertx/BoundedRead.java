package io.toasty.vertx;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.KeyPin;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a query's rows are few enough to come in one answer: it counts, it pins its table's
 * primary key (every key column compared for equality with a value at the filter's top level),
 * or its limit is a constant of at most a cursor's page. Such a read outside a transaction runs
 * as one prepared execution instead of BEGIN, a cursor and COMMIT: a get by key is one round
 * trip, and buffering its rows costs no more than one page of a cursor would.
 */
final class BoundedRead {
  private BoundedRead() {}

  /**
   * Whether {@code query}'s rows fit in {@code page} rows; {@code keys} holds each table's
   * primary key columns.
   */
  static boolean of(Query query, Map<String, List<Integer>> keys, int page) {
    Returning returning = query.returning();
    if (returning instanceof Returning.Count
        || returning instanceof Returning.Grouped g && g.groupBy().isEmpty()) {
      return true;
    }
    return limitAtMost(query.limit(), page) || pinsKey(query, keys);
  }

  private static boolean limitAtMost(@Nullable Limit limit, int page) {
    return limit != null && limit.partitionBy().isEmpty()
        && limit.count() instanceof ExprNode.Const k && k.value() instanceof Value.I64 n
        && n.value() >= 0 && n.value() <= page;
  }

  private static boolean pinsKey(Query query, Map<String, List<Integer>> keys) {
    if (!(query.source() instanceof Source.Table t)) {
      return false;
    }
    List<Integer> key = keys.get(t.table());
    return key != null && KeyPin.pinsColumns(query.filter(), t.table(), key);
  }
}
