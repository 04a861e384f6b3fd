package io.toasty.planner.action;

import io.toasty.stmt.Expr;
import java.util.List;

/** Sends {@code Operation.QueryPk}, descending in sort key order when {@code forward} is false. */
public record QueryPkAction(int output, String table, List<Integer> columns, Expr keyCondition,
    Expr filter, boolean forward) implements Action {
  public QueryPkAction {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
