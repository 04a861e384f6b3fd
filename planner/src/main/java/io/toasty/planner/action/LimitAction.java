package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Skips {@code offset} rows of variable {@code input} and passes at most {@code count}. */
public record LimitAction(int output, int input, ExprNode count, @Nullable ExprNode offset)
    implements Action {
  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
