package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;

/**
 * The values at {@code positions} of each row of {@code input}, as a record; in memory,
 * streaming; a position of -1 is NULL (a deferred column the read left out). A cascade takes
 * the primary keys of the rows it read this way.
 */
public record ProjectRows(int input, List<Integer> positions) implements MirNode {
  public ProjectRows {
    positions = List.copyOf(positions);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
