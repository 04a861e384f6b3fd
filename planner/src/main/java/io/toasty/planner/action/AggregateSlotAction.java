package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/**
 * Replaces the list at {@code position} of each row of variable {@code input} (records of the
 * aggregate's operand) with {@code aggregate} of it, each equal record once where {@code
 * distinctRecords} ({@link io.toasty.planner.plan.node.AggregateSlot}).
 */
public record AggregateSlotAction(int output, int input, int position,
    ExprNode.Aggregate aggregate, boolean distinctRecords) implements Action {

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
