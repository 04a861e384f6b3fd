package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import java.util.List;

/**
 * Updates the rows whose keys node {@code keys} produced and that match {@code filter}
 * ({@code Operation.UpdateByKey}); with {@code returning}, the updated rows' columns come back.
 */
public record UpdateByKey(int keys, String table, List<Assignment> assignments, ExprNode filter,
    boolean returning, List<Integer> columns) implements MirNode {
  public UpdateByKey {
    assignments = List.copyOf(assignments);
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(keys);
  }

  @Override
  public boolean isMutation() {
    return true;
  }

  @Override
  public boolean isCount() {
    return !returning;
  }
}
