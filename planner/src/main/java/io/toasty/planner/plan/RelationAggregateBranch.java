package io.toasty.planner.plan;

import io.toasty.planner.expr.Walk;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A relation aggregate's related records read as an include reads them on a key-value backend:
 * per window of parent rows, {@code fk IN (window keys)} through the index on the foreign key
 * ({@link KeyListIndex}), each related record lifted to the aggregate's operand alone, so that
 * a parent's slot holds what its aggregate reads ({@code AggregateSlot}).
 */
final class RelationAggregateBranch {
  private RelationAggregateBranch() {}

  /** Whether {@code j}'s related records can be read per window through an index. */
  static boolean applies(RelationAggregates.Joined j, TableSchema related) {
    return !Walk.hasSubquery(j.filter())
        && KeyListIndex.covers(related, j.keyColumns());
  }

  /** The merge branch reading {@code j}'s related records of a window of parents. */
  static MergeBranch of(RelationAggregates.Joined j, TableSchema related) {
    List<ExprNode> columns = new ArrayList<>();
    List<Integer> fetched = new ArrayList<>();
    List<Type> rowType = new ArrayList<>();
    for (int c = 0; c < related.columns().size(); c++) {
      columns.add(new ExprNode.Column(related.name(), c));
      fetched.add(c);
      rowType.add(related.column(c).type());
    }
    Query q = new Query(j.source(), j.filter(), new Returning.Project(columns), List.of(), null);
    MergeBranch.SqlFetch fetch = new MergeBranch.SqlFetch(q, rowType,
        new KeyBinding(-1, related.name(), j.keyColumns()));
    RowLift operand = RowLift.of(List.of(j.aggregate().operand()), fetched);
    return new MergeBranch(related.name() + " by " + j.keyColumns(), fetch, j.parentColumns(),
        j.keyColumns(), true, false, List.of(), List.of(), operand, List.of());
  }

  /** The aggregate over a slot's records, each the record of the operand alone. */
  static ExprNode.Aggregate overSlot(RelationAggregates.Joined j) {
    ExprNode.Aggregate a = j.aggregate();
    return new ExprNode.Aggregate(a.op(), new ExprNode.Column(j.table(), 0), a.distinct());
  }
}
