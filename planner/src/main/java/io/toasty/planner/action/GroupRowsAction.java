package io.toasty.planner.action;

import io.toasty.stmt.Returning;
import java.util.List;

/** Groups and aggregates the rows of variable {@code input} in memory. */
public record GroupRowsAction(int output, int input, Returning.Grouped grouped)
    implements Action {
  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
