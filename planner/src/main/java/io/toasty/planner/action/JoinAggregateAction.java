package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/**
 * Appends to each row of variable {@code input} the aggregate of variable {@code groups} (records
 * of key then value) whose key is the row's values at {@code keyPositions}; 0 for a count, else
 * NULL, where none is.
 */
public record JoinAggregateAction(int output, int input, int groups, List<Integer> keyPositions,
    ExprNode.AggOp op) implements Action {
  public JoinAggregateAction {
    keyPositions = List.copyOf(keyPositions);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input, groups);
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
