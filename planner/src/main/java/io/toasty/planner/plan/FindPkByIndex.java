package io.toasty.planner.plan;

import io.toasty.stmt.Expr;
import java.util.List;

/**
 * Finds primary keys through a secondary index ({@code Operation.FindPkByIndex}); its output is
 * one key record per row, or with {@code columns} (an eventually consistent read the query
 * accepted) each row's {@code columns}, read from the index's copy of the item.
 */
public record FindPkByIndex(String table, String index, Expr keyCondition, Expr filter,
    List<Integer> columns) implements MirNode {
  public FindPkByIndex {
    columns = List.copyOf(columns);
  }

  /** A lookup of keys. */
  public FindPkByIndex(String table, String index, Expr keyCondition, Expr filter) {
    this(table, index, keyCondition, filter, List.of());
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
