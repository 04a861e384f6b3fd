package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;

/**
 * The number of rows of {@code input}, as one count record; in memory, streaming (nothing is
 * kept but the running count), for a count the backend cannot take alone (a residual filter, a
 * fan-out over keys).
 */
public record CountRows(int input) implements MirNode {
  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public boolean isCount() {
    return true;
  }
}
