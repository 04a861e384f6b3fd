package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code Operation.QueryPk}, descending in sort key order when {@code forward} is false,
 * with {@code pageSize} (an expression over the plan's arguments, or null) as its page size.
 */
public record QueryPkAction(int output, String table, List<Integer> columns, ExprNode keyCondition,
    ExprNode filter, boolean forward, @Nullable ExprNode pageSize) implements Action {
  public QueryPkAction {
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
