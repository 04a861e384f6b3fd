package io.toasty.planner.plan.node;

import io.toasty.stmt.ExprNode;
import java.util.List;
import java.util.Objects;

/**
 * Each row of {@code input} with the list at {@code position} (a {@link NestedMerge}'s slot of
 * related records, each a record of the aggregate's operand) replaced by {@code aggregate} of
 * that list: what SQL's aggregate of those rows gives, 0 for a count and NULL otherwise when the
 * list is empty. In memory, streaming.
 *
 * @param distinctRecords each equal record of a list aggregated once: the records hold the
 *     operand and then the related record's key, and a record that several join records point
 *     to is one record, as SQL's {@code key IN (SELECT ..)} reads it
 */
public record AggregateSlot(int input, int position, ExprNode.Aggregate aggregate,
    boolean distinctRecords) implements MirNode {
  public AggregateSlot {
    Objects.requireNonNull(aggregate, "aggregate");
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
