package io.toasty.planner.plan;

import io.toasty.driver.Capability;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
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
    RowLift operand = RowLift.of(List.of(j.aggregate().operand()), allColumns(related));
    return new MergeBranch(related.name() + " by " + j.keyColumns(),
        byForeignKey(j.source(), j.filter(), related, j.keyColumns()), j.parentColumns(),
        j.keyColumns(), true, false, List.of(), List.of(), operand, List.of());
  }

  /**
   * The merge branch reading, for a window of parents, the join records of {@code j}'s join
   * model through the index on their foreign key, then their targets by key ({@code j.filter()}
   * checked in memory), each target lifted to the aggregate's operand and then its key (so that
   * a target two join records point to is aggregated once, {@code AggregateSlot}): the join records are
   * flattened into the targets they point to, as a many-to-many include's are. Refused with
   * {@code RELATION_AGGREGATE} where the join model's foreign key has no index of its own, the
   * join records do not hold the target's key, or either filter needs a subquery.
   */
  static MergeBranch through(RelationAggregates.Joined j, RelationAggregates.Through through,
      TableSchema join, TableSchema target, TableSchema parent, Capability capability) {
    List<Integer> keyPositions = KeyPositions.of(through.targetKeys(), target.primaryKey());
    if (!KeyListIndex.covers(join, j.keyColumns())) {
      throw RelationAggregates.refused(capability, parent, "through a join model whose "
          + "foreign key to it (" + join.name() + " " + j.keyColumns() + ") has no index of "
          + "its own; add @Index to it");
    }
    if (keyPositions == null || Walk.hasSubquery(j.filter())
        || Walk.hasSubquery(through.filter())) {
      throw RelationAggregates.refused(capability, parent, "through a join model, with a "
          + "condition on the related records that needs a subquery or not by their key");
    }
    List<Integer> targetColumns = allColumns(target);
    MergeBranch targets = new MergeBranch(target.name() + " by key",
        new MergeBranch.KeyFetch(target.name(), targetColumns, j.filter(), keyPositions),
        through.targetColumns(), through.targetKeys(), false, false, List.of(), List.of(),
        RowLift.of(operandAndKey(j, target), targetColumns), List.of());
    MergeBranch.SqlFetch joins = byForeignKey(through.source(), through.filter(), join,
        j.keyColumns());
    List<ExprNode> joinRecord = ((Returning.Project) ((Query) joins.statement()).returning())
        .exprs();
    return new MergeBranch(join.name() + " by " + j.keyColumns() + " to " + target.name(),
        joins, j.parentColumns(), j.keyColumns(), true, true, List.of(), List.of(),
        RowLift.of(joinRecord, allColumns(join)), List.of(targets));
  }

  /**
   * Every column of {@code table}'s records where {@code filter} holds, read for a window of
   * parents by {@code keyColumns IN (window keys)} (through the index on them).
   */
  private static MergeBranch.SqlFetch byForeignKey(Source source, ExprNode filter,
      TableSchema table, List<Integer> keyColumns) {
    List<ExprNode> columns = new ArrayList<>(table.columns().size());
    List<Type> rowType = new ArrayList<>(table.columns().size());
    for (int c : allColumns(table)) {
      columns.add(new ExprNode.Column(table.name(), c));
      rowType.add(table.column(c).type());
    }
    Query q = new Query(source, filter, new Returning.Project(columns), List.of(), null);
    return new MergeBranch.SqlFetch(q, rowType, new KeyBinding(-1, table.name(), keyColumns));
  }

  private static List<ExprNode> operandAndKey(RelationAggregates.Joined j, TableSchema target) {
    List<ExprNode> out = new ArrayList<>();
    out.add(j.aggregate().operand());
    target.primaryKey().forEach(c -> out.add(new ExprNode.Column(target.name(), c)));
    return out;
  }

  private static List<Integer> allColumns(TableSchema table) {
    return PlanKeyValue.firstPositions(table.columns().size());
  }

  /** The aggregate over a slot's records, each the record of the operand alone. */
  static ExprNode.Aggregate overSlot(RelationAggregates.Joined j) {
    ExprNode.Aggregate a = j.aggregate();
    return new ExprNode.Aggregate(a.op(), new ExprNode.Column(j.table(), 0), a.distinct());
  }
}
