package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;

/** Reads every row of a table that matches {@code filter} ({@code Operation.Scan}). */
public record Scan(String table, List<Integer> columns, ExprNode filter) implements MirNode {
  public Scan {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
