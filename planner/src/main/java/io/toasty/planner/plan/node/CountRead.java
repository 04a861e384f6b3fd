package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;
import java.util.Objects;

/**
 * The number of rows {@code read} (a {@link Scan} or {@link QueryPk} with no input) returns,
 * counted by the backend ({@code Operation.Count}) so that no row comes back.
 */
public record CountRead(MirNode read) implements MirNode {
  public CountRead {
    Objects.requireNonNull(read, "read");
    if (!(read instanceof Scan || read instanceof QueryPk)) {
      throw new IllegalArgumentException("a count reads through a Scan or QueryPk, not " + read);
    }
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }

  @Override
  public boolean isCount() {
    return true;
  }
}
