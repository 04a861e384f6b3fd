package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;

/** Deletes the rows whose keys node {@code keys} produced and that match {@code filter}. */
public record DeleteByKey(int keys, String table, ExprNode filter) implements MirNode {
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
    return true;
  }
}
