package io.toasty.planner.action;

import java.util.List;
import java.util.Objects;

/**
 * Sends {@code Operation.Count} around the read {@code read} (a {@link ScanAction} or
 * {@link QueryPkAction}, never run on its own).
 */
public record CountReadAction(int output, Action read) implements Action {
  public CountReadAction {
    Objects.requireNonNull(read, "read");
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
