package io.toasty.planner.action;

import java.util.List;

/**
 * One instruction of a compiled plan: reads its input variables, does one thing, and stores its
 * result in its output variable. Each action has the name of the MIR node it came from and of the
 * driver {@code Operation} it sends, if any.
 */
public sealed interface Action permits ExecStatementAction, GetByKeyAction, FindPkByIndexAction,
    QueryPkAction, ScanAction, UpdateByKeyAction, DeleteByKeyAction, FilterAction, LimitAction,
    ConcatAction, ConstAction, NestedMergeAction, CountRowsAction, CountReadAction,
    GroupRowsAction, SortRowsAction, AtomicWriteAction,
    ProjectRowsAction, SemiFilterAction, NestCreatedAction, JoinAggregateAction,
    AggregateSlotAction {

  /** The variable this action writes. */
  int output();

  /** The variables this action reads. */
  List<Integer> inputs();

  /** {@code visitor}'s method for this action's type, called with this action. */
  <R> R accept(ActionVisitor<R> visitor);

  /** Whether it sends an operation to the driver. */
  default boolean isOperation() {
    return true;
  }
}
