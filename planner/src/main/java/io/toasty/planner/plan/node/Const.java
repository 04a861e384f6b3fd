package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;

/**
 * Rows known at plan time up to argument values: key records for a key lookup, the rows an insert
 * stored, or nothing at all for a statement that matches nothing.
 *
 * @param rows  the rows, over argument slots
 * @param count whether the single row is a count
 * @param after nodes that must run first
 */
public record Const(List<ExprNode.Record> rows, boolean count, List<Integer> after)
    implements MirNode {
  public Const {
    rows = List.copyOf(rows);
    after = List.copyOf(after);
  }

  /** No rows. */
  public static Const empty() {
    return new Const(List.of(), false, List.of());
  }

  /** A count of zero. */
  public static Const zero() {
    return new Const(List.of(ExprNode.Record.of(new ExprNode.Const(new Value.I64(0)))),
        true, List.of());
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public boolean isCount() {
    return count;
  }
}
