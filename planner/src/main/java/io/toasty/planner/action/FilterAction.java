package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/** Keeps the rows of variable {@code input} for which {@code predicate} is TRUE. */
public record FilterAction(int output, int input, ExprNode predicate) implements Action {
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
