package io.toasty.planner.action;

import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import java.util.List;

/** Sends {@code Operation.UpdateByKey} for the key records in variable {@code keys}. */
public record UpdateByKeyAction(int output, int keys, String table, List<Assignment> assignments,
    ExprNode filter, boolean returning, List<Integer> columns) implements Action {
  public UpdateByKeyAction {
    assignments = List.copyOf(assignments);
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(keys);
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
