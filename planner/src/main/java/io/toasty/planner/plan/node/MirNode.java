package io.toasty.planner.plan.node;

import java.util.List;

/**
 * A node of the MIR: one operation of the plan's DAG, a database operation or an in-memory step.
 * Nodes refer to their inputs by index in {@link Mir#nodes()}; every input comes first.
 */
public sealed interface MirNode permits ExecStatement, GetByKey, FindPkByIndex, QueryPk, Scan,
    UpdateByKey, DeleteByKey, Filter, LimitRows, Concat, Const, NestedMerge, CountRows, CountRead,
    GroupRows, SortRows, AtomicWrite, ProjectRows,
    SemiFilter, NestCreated, JoinAggregate, AggregateSlot {

  /** The nodes whose output this node reads. */
  List<Integer> inputs();

  /** Nodes that must have run first although no data flows from them. */
  default List<Integer> after() {
    return List.of();
  }

  /** Whether this node sends an operation to the driver. */
  default boolean isOperation() {
    return true;
  }

  /** Whether this node writes. */
  default boolean isMutation() {
    return false;
  }

  /** Whether this node's output is a single count record rather than rows. */
  default boolean isCount() {
    return false;
  }
}
