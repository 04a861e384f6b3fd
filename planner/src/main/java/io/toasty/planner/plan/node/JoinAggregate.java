package io.toasty.planner.plan.node;

import io.toasty.stmt.ExprNode;
import java.util.List;
import java.util.Objects;

/**
 * Each row of {@code input} with one more value at its end: a relation's aggregate for that row,
 * found among the rows of {@code groups} (records of the related records' foreign key, then the
 * aggregate, one per key: a {@link GroupRows}) by the values at {@code keyPositions} of the row.
 * A row no group matches gets what SQL's aggregate of no rows gives: 0 for a count, else NULL.
 * In memory: the groups are read to the end first and held; the input streams.
 */
public record JoinAggregate(int input, int groups, List<Integer> keyPositions,
    ExprNode.AggOp op) implements MirNode {
  public JoinAggregate {
    keyPositions = List.copyOf(keyPositions);
    Objects.requireNonNull(op, "op");
    if (keyPositions.isEmpty()) {
      throw new IllegalArgumentException("a relation aggregate joins on one key column at least");
    }
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input, groups);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
