package io.toasty.planner.action;

import java.util.List;

/** Counts the rows of variable {@code input} into one count record. */
public record CountRowsAction(int output, int input) implements Action {
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
