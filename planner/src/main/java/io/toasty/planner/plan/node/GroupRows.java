package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.Returning;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code input} (every column of the table, by column index) grouped and aggregated
 * in memory as they stream by: one accumulator per aggregate per group, so memory grows with the
 * number of groups, not of rows. Emits one record of {@code grouped.exprs()} per group kept by
 * its having.
 */
public record GroupRows(int input, Returning.Grouped grouped) implements MirNode {
  public GroupRows {
    Objects.requireNonNull(grouped, "grouped");
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
