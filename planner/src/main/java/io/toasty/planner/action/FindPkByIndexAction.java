package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code Operation.FindPkByIndex}; its output is one key record per found row, or with
 * {@code columns} each row's columns (read from the index, eventually consistent), in the index's
 * sort key order (descending when {@code forward} is false), with {@code pageSize} (an expression
 * over the plan's arguments, or null) as its page size.
 */
public record FindPkByIndexAction(int output, String table, String index, ExprNode keyCondition,
    ExprNode filter, List<Integer> columns, boolean forward, @Nullable ExprNode pageSize)
    implements Action {
  public FindPkByIndexAction {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
