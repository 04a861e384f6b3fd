package io.toasty.planner.action;

import java.util.List;

/** Sends {@code Operation.GetByKey} for the key records in variable {@code keys}. */
public record GetByKeyAction(int output, int keys, String table, List<Integer> columns)
    implements Action {
  public GetByKeyAction {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(keys);
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
