package io.toasty.planner.action;

import io.toasty.stmt.Expr;
import java.util.List;

/** Sends {@code Operation.FindPkByIndex}; its output is one key record per found row. */
public record FindPkByIndexAction(int output, String table, String index, Expr keyCondition,
    Expr filter) implements Action {
  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
