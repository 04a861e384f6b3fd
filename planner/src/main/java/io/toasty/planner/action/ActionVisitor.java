package io.toasty.planner.action;

/**
 * One method per permitted type of the sealed {@link Action}, called by that type's
 * {@link Action#accept}: a consumer that implements it handles every action type by
 * construction, and a new action type does not compile until every visitor handles it (Java 17
 * has no pattern {@code switch}).
 *
 * @param <R> what a visit returns
 */
public interface ActionVisitor<R> {
  /** {@code action}'s result. */
  R visit(ExecStatementAction action);

  /** {@code action}'s result. */
  R visit(GetByKeyAction action);

  /** {@code action}'s result. */
  R visit(FindPkByIndexAction action);

  /** {@code action}'s result. */
  R visit(QueryPkAction action);

  /** {@code action}'s result. */
  R visit(ScanAction action);

  /** {@code action}'s result. */
  R visit(UpdateByKeyAction action);

  /** {@code action}'s result. */
  R visit(DeleteByKeyAction action);

  /** {@code action}'s result. */
  R visit(FilterAction action);

  /** {@code action}'s result. */
  R visit(LimitAction action);

  /** {@code action}'s result. */
  R visit(ConcatAction action);

  /** {@code action}'s result. */
  R visit(ConstAction action);

  /** {@code action}'s result. */
  R visit(NestedMergeAction action);

  /** {@code action}'s result. */
  R visit(CountRowsAction action);

  /** {@code action}'s result. */
  R visit(CountReadAction action);

  /** {@code action}'s result. */
  R visit(GroupRowsAction action);

  /** {@code action}'s result. */
  R visit(SortRowsAction action);

  /** {@code action}'s result. */
  R visit(AtomicWriteAction action);

  /** {@code action}'s result. */
  R visit(ProjectRowsAction action);

  /** {@code action}'s result. */
  R visit(SemiFilterAction action);

  /** {@code action}'s result. */
  R visit(NestCreatedAction action);

  /** {@code action}'s result. */
  R visit(JoinAggregateAction action);

  /** {@code action}'s result. */
  R visit(AggregateSlotAction action);
}
