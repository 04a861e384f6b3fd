package io.toasty.planner.plan;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The most rows an include's parent query can return, where the query itself says: its limit's
 * count (a limit on the whole result), or one where its filter pins the table's primary key. The
 * executor evaluates it with the execution's arguments. Parents known to fit one window need no
 * connection of their own for their children, who are read after them on theirs, as a
 * hand-written pair of queries would: one pooled connection per request instead of two.
 */
final class ParentBound {
  private static final ExprNode ONE = new ExprNode.Const(Value.of(1L));

  private ParentBound() {}

  /** The bound of {@code parent}'s rows (over {@code table}), or {@code null} where unknown. */
  static @Nullable ExprNode of(StatementNode parent, TableSchema table) {
    if (!(parent instanceof Query q) || !(q.source() instanceof Source.Table t)
        || t.join() != null) {
      return null;
    }
    if (q.limit() != null && q.limit().partitionBy().isEmpty()) {
      return q.limit().count();
    }
    return pinsKey(q.filter(), table) ? ONE : null;
  }

  /** Whether every primary-key column is compared for equality with a value at the top level. */
  private static boolean pinsKey(ExprNode filter, TableSchema table) {
    List<Integer> key = table.primaryKey();
    return !key.isEmpty()
        && SelectKeyPath.equalities(Conjuncts.of(filter)).keySet().containsAll(key);
  }
}
