package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds primary keys through a secondary index ({@code Operation.FindPkByIndex}); its output is
 * one key record per row, or with {@code columns} (an eventually consistent read the query
 * accepted, or a page read in the index's order) each row's {@code columns}, read from the
 * index's copy of the item. Rows come in the index's sort key order, descending when
 * {@code forward} is false; {@code pageSize}, or null, is the limit a {@link LimitRows} above will
 * take: the request's page size.
 */
public record FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter,
    List<Integer> columns, boolean forward, @Nullable ExprNode pageSize) implements MirNode {
  public FindPkByIndex {
    columns = List.copyOf(columns);
  }

  /** A read in the index's ascending order without a page size. */
  public FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter,
      List<Integer> columns) {
    this(table, index, keyCondition, filter, columns, true, null);
  }

  /** A lookup of keys. */
  public FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter) {
    this(table, index, keyCondition, filter, List.of());
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
