package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads rows by a condition on the primary key: partition key equality and an optional sort key
 * range, with a further filter ({@code Operation.QueryPk}), in ascending sort key order, or
 * descending when {@code forward} is false (an {@code orderBy} of the sort key). {@code
 * pageSize}, or null, is the limit a {@link LimitRows} above will take: the request's page size.
 */
public record QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter,
    boolean forward, @Nullable ExprNode pageSize) implements MirNode {
  public QueryPk {
    columns = List.copyOf(columns);
  }

  /** A read without a page size. */
  public QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter,
      boolean forward) {
    this(table, columns, keyCondition, filter, forward, null);
  }

  /** A read in ascending sort key order. */
  public QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter) {
    this(table, columns, keyCondition, filter, true);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
