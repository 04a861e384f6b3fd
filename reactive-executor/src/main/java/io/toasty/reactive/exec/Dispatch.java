package io.toasty.reactive.exec;

import io.toasty.planner.action.Action;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.planner.action.ConcatAction;
import io.toasty.planner.action.ConstAction;
import io.toasty.planner.action.CountReadAction;
import io.toasty.planner.action.CountRowsAction;
import io.toasty.planner.action.GroupRowsAction;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.FilterAction;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.LimitAction;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.action.NestCreatedAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ProjectRowsAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.planner.action.SemiFilterAction;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.planner.action.UpdateByKeyAction;
import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/**
 * Sends each action to the executor class of the same name. One branch per permitted type of
 * the sealed {@link Action}; Java 17 has no pattern {@code switch}, so a type added there and
 * not here fails {@code DispatchTest}, and at run time with a message naming it.
 */
final class Dispatch {
  /** The start of the message for an action type that has no branch here. */
  static final String UNHANDLED = "no executor for action ";

  private Dispatch() {}

  static Flux<Value.Record> run(Action a, ExecContext cx, Inputs in) {
    if (a instanceof ExecStatementAction s) {
      return ExecStatementExec.run(s, cx, in);
    } else if (a instanceof GetByKeyAction g) {
      return GetByKeyExec.run(g, cx, in);
    } else if (a instanceof FindPkByIndexAction f) {
      return KeyReadExec.findPkByIndex(f, cx);
    } else if (a instanceof QueryPkAction q) {
      return KeyReadExec.queryPk(q, cx);
    } else if (a instanceof ScanAction s) {
      return KeyReadExec.scan(s, cx);
    } else if (a instanceof UpdateByKeyAction u) {
      return KeyWriteExec.updateByKey(u, cx, in);
    } else if (a instanceof DeleteByKeyAction d) {
      return KeyWriteExec.deleteByKey(d, cx, in);
    } else if (a instanceof FilterAction f) {
      return InMemoryExec.filter(f, cx, in);
    } else if (a instanceof LimitAction l) {
      return InMemoryExec.limit(l, cx, in);
    } else if (a instanceof ConcatAction c) {
      return InMemoryExec.concat(c, in);
    } else if (a instanceof CountRowsAction c) {
      return InMemoryExec.countRows(c, in);
    } else if (a instanceof GroupRowsAction g) {
      return InMemoryExec.group(g, cx, in);
    } else if (a instanceof SemiFilterAction f) {
      return SemiFilterExec.run(f, cx, in);
    } else if (a instanceof ProjectRowsAction p) {
      return InMemoryExec.project(p, in);
    } else if (a instanceof SortRowsAction s) {
      return InMemorySort.run(s, cx, in);
    } else if (a instanceof CountReadAction c) {
      return KeyReadExec.count(c, cx);
    } else if (a instanceof AtomicWriteAction w) {
      return AtomicWriteExec.run(w, cx, in);
    } else if (a instanceof NestedMergeAction m) {
      return NestedMergeExec.run(m, cx, in);
    } else if (a instanceof NestCreatedAction n) {
      return NestCreatedExec.run(n, cx, in);
    } else if (a instanceof ConstAction c) {
      return InMemoryExec.constant(c, cx);
    }
    throw new IllegalStateException(UNHANDLED + a.getClass().getName());
  }
}
