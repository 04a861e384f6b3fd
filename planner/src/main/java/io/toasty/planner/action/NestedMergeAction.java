package io.toasty.planner.action;

import io.toasty.planner.plan.MergeBranch;
import java.util.List;

/**
 * Streams variable {@code input}'s rows in windows of {@code window}, reading each branch's
 * children for a window's keys (the branches concurrently) and appending one merged slot per
 * branch to each row; see {@code plan.NestedMerge}.
 */
public record NestedMergeAction(int output, int input, List<MergeBranch> branches, int window)
    implements Action {
  public NestedMergeAction {
    branches = List.copyOf(branches);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }
}
