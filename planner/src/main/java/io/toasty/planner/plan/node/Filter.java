package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;

/**
 * Keeps the rows of {@code input} for which {@code predicate} (over the row's columns, by column
 * index) is TRUE; in memory, streaming.
 */
public record Filter(int input, ExprNode predicate) implements MirNode {
  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
