package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Preloads relations as a reactive join: the rows of {@code parent} pass in windows of
 * {@code window} rows; for each window every branch reads the children of the window's keys (one
 * operation per branch and window, the branches at the same time) and the window's rows go on,
 * in order, each with one merged slot per branch appended. Memory is bounded by the window, and
 * the parents' rows are requested only as windows are merged, so backpressure reaches the
 * database. This is where the HIR's include cycles (parent keys → child → parent rows) break.
 *
 * <p>{@code parents} is the most rows the parent query can return, where it says ({@link
 * io.toasty.planner.plan.ParentBound}); {@code null} where it does not.
 */
public record NestedMerge(int parent, List<MergeBranch> branches, int window,
    @Nullable ExprNode parents)
    implements MirNode {
  public NestedMerge {
    branches = List.copyOf(branches);
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
  }

  @Override
  public List<Integer> inputs() {
    return List.of(parent);
  }

  @Override
  public boolean isOperation() {
    return true;
  }
}
