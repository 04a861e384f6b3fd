package io.toasty.planner.action;

import java.util.List;

/** Takes the values at {@code positions} of each row of variable {@code input}. */
public record ProjectRowsAction(int output, int input, List<Integer> positions)
    implements Action {
  public ProjectRowsAction {
    positions = List.copyOf(positions);
  }

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
