package io.toasty.planner.action;

import io.toasty.planner.plan.node.NestCreated;
import java.util.ArrayList;
import java.util.List;

/**
 * The records a nested create returns: the rows of each part's variable nested into the rows
 * they were created for (see {@link NestCreated}); {@code root} is the part of the result.
 */
public record NestCreatedAction(int output, int root, List<NestCreated.Part> parts)
    implements Action {
  public NestCreatedAction {
    parts = List.copyOf(parts);
  }

  @Override
  public List<Integer> inputs() {
    List<Integer> in = new ArrayList<>(parts.size());
    parts.forEach(p -> in.add(p.input()));
    return in;
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
