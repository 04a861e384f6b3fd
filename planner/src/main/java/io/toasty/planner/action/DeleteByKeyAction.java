package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;

/** Sends {@code Operation.DeleteByKey} for the key records in variable {@code keys}. */
public record DeleteByKeyAction(int output, int keys, String table, ExprNode filter)
    implements Action {
  @Override
  public List<Integer> inputs() {
    return List.of(keys);
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
