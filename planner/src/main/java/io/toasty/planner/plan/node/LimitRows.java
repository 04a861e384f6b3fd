package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Skips {@code offset} rows of {@code input} (when not null) and passes at most {@code count}. */
public record LimitRows(int input, ExprNode count, @Nullable ExprNode offset) implements MirNode {
  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
