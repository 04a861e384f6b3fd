package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;

/** Reads the rows whose primary keys node {@code keys} produced ({@code Operation.GetByKey}). */
public record GetByKey(int keys, String table, List<Integer> columns) implements MirNode {
  public GetByKey {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(keys);
  }
}
