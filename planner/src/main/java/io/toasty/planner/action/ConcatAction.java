package io.toasty.planner.action;

import java.util.List;

/** The rows of {@code inputs} in order (distinct by {@code distinctKey}), or their summed counts. */
public record ConcatAction(int output, List<Integer> inputs, List<Integer> distinctKey,
    boolean counts) implements Action {
  public ConcatAction {
    inputs = List.copyOf(inputs);
    distinctKey = List.copyOf(distinctKey);
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
