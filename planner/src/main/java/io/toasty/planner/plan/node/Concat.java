package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;

/**
 * The outputs of {@code inputs}, one after the other: the fan-out of an OR over keys, or the rows
 * of inserts issued one by one. With {@code distinctKey}, a row whose values at those positions
 * were already passed is dropped. With {@code counts}, the inputs' counts are added up.
 */
public record Concat(List<Integer> inputs, List<Integer> distinctKey, boolean counts)
    implements MirNode {
  public Concat {
    inputs = List.copyOf(inputs);
    distinctKey = List.copyOf(distinctKey);
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public boolean isCount() {
    return counts;
  }
}
