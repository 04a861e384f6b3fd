package io.toasty.planner.action;

import io.toasty.stmt.Expr;
import java.util.List;

/**
 * Sends {@code Operation.FindPkByIndex}; its output is one key record per found row, or with
 * {@code columns} each row's columns (read from the index, eventually consistent).
 */
public record FindPkByIndexAction(int output, String table, String index, Expr keyCondition,
    Expr filter, List<Integer> columns) implements Action {
  public FindPkByIndexAction {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
