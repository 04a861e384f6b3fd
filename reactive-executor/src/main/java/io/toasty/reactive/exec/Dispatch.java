package io.toasty.reactive.exec;

import io.toasty.planner.action.Action;
import io.toasty.planner.action.ActionVisitor;
import io.toasty.planner.action.AggregateSlotAction;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.planner.action.ConcatAction;
import io.toasty.planner.action.ConstAction;
import io.toasty.planner.action.CountReadAction;
import io.toasty.planner.action.CountRowsAction;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.FilterAction;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.GroupRowsAction;
import io.toasty.planner.action.JoinAggregateAction;
import io.toasty.planner.action.LimitAction;
import io.toasty.planner.action.NestCreatedAction;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.action.ProjectRowsAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.planner.action.SemiFilterAction;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.planner.action.UpdateByKeyAction;
import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/**
 * Sends each action to the executor class of the same name: one method per permitted type of
 * the sealed {@link Action} ({@link ActionVisitor}), so an action type without an executor does
 * not compile.
 */
record Dispatch(ExecContext cx, Inputs in) implements ActionVisitor<Flux<Value.Record>> {
  /** {@code a}'s rows, by the executor of its type. */
  static Flux<Value.Record> run(Action a, ExecContext cx, Inputs in) {
    return a.accept(new Dispatch(cx, in));
  }

  @Override
  public Flux<Value.Record> visit(ExecStatementAction a) {
    return ExecStatementExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(GetByKeyAction a) {
    return GetByKeyExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(FindPkByIndexAction a) {
    return KeyReadExec.findPkByIndex(a, cx);
  }

  @Override
  public Flux<Value.Record> visit(QueryPkAction a) {
    return KeyReadExec.queryPk(a, cx);
  }

  @Override
  public Flux<Value.Record> visit(ScanAction a) {
    return KeyReadExec.scan(a, cx);
  }

  @Override
  public Flux<Value.Record> visit(UpdateByKeyAction a) {
    return KeyWriteExec.updateByKey(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(DeleteByKeyAction a) {
    return KeyWriteExec.deleteByKey(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(FilterAction a) {
    return InMemoryExec.filter(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(LimitAction a) {
    return InMemoryExec.limit(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(ConcatAction a) {
    return InMemoryExec.concat(a, in);
  }

  @Override
  public Flux<Value.Record> visit(CountRowsAction a) {
    return InMemoryExec.countRows(a, in);
  }

  @Override
  public Flux<Value.Record> visit(GroupRowsAction a) {
    return InMemoryExec.group(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(SemiFilterAction a) {
    return SemiFilterExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(AggregateSlotAction a) {
    return AggregateSlotExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(JoinAggregateAction a) {
    return JoinAggregateExec.run(a, in);
  }

  @Override
  public Flux<Value.Record> visit(ProjectRowsAction a) {
    return InMemoryExec.project(a, in);
  }

  @Override
  public Flux<Value.Record> visit(SortRowsAction a) {
    return InMemorySort.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(CountReadAction a) {
    return KeyReadExec.count(a, cx);
  }

  @Override
  public Flux<Value.Record> visit(AtomicWriteAction a) {
    return AtomicWriteExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(NestedMergeAction a) {
    return NestedMergeExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(NestCreatedAction a) {
    return NestCreatedExec.run(a, cx, in);
  }

  @Override
  public Flux<Value.Record> visit(ConstAction a) {
    return InMemoryExec.constant(a, cx);
  }
}
