package io.toasty.planner.action;

import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams variable {@code input}'s rows in windows of {@code window}, reading each branch's
 * children for a window's keys (the branches concurrently) and appending one merged slot per
 * branch to each row; see {@code plan.NestedMerge}. {@code parents}, where not {@code null}, is
 * the most rows {@code input} can have, evaluated with the execution's arguments.
 */
public record NestedMergeAction(int output, int input, List<MergeBranch> branches, int window,
    @Nullable ExprNode parents) implements Action {
  public NestedMergeAction {
    branches = List.copyOf(branches);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
