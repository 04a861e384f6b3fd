package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/** Sends {@code Operation.Scan}. */
public record ScanAction(int output, String table, List<Integer> columns, ExprNode filter)
    implements Action {
  public ScanAction {
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
