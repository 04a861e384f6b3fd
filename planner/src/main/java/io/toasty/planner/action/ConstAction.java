package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/** Sets a variable to rows evaluated from the arguments. */
public record ConstAction(int output, List<ExprNode.Record> rows) implements Action {
  public ConstAction {
    rows = List.copyOf(rows);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
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
