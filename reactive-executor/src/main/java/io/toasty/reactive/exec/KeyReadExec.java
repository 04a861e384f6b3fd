package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.CountReadAction;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.planner.eval.Eval;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import io.toasty.value.Values;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** Runs the key-value reads that need no input: FindPkByIndex, QueryPk and Scan. */
final class KeyReadExec {
  private KeyReadExec() {}

  static Flux<Value.Record> findPkByIndex(FindPkByIndexAction a, ExecContext cx) {
    return cx.send(new Operation.FindPkByIndex(a.table(), a.index(), a.keyCondition(),
        a.filter(), cx.args(), a.columns(), a.forward(), pageSize(a.pageSize(), cx)));
  }

  static Flux<Value.Record> queryPk(QueryPkAction a, ExecContext cx) {
    return cx.send(queryPkOp(a, cx));
  }

  static Flux<Value.Record> scan(ScanAction a, ExecContext cx) {
    return cx.send(scanOp(a, cx));
  }

  /** {@code Operation.Count} around the read's own operation: one count record comes back. */
  static Flux<Value.Record> count(CountReadAction a, ExecContext cx) {
    Operation read = a.read() instanceof ScanAction s ? scanOp(s, cx)
        : queryPkOp((QueryPkAction) a.read(), cx);
    return cx.send(new Operation.Count(read));
  }

  private static Operation.Scan scanOp(ScanAction a, ExecContext cx) {
    return new Operation.Scan(a.table(), a.columns(), a.filter(), cx.args());
  }

  /** The partition query, with the page size the plan pushed into it (0: none). */
  private static Operation.QueryPk queryPkOp(QueryPkAction a, ExecContext cx) {
    return new Operation.QueryPk(a.table(), a.columns(), a.keyCondition(), a.filter(),
        cx.args(), a.forward(), pageSize(a.pageSize(), cx));
  }

  /** The page size a plan pushed into a read, evaluated over its arguments (0: none). */
  private static long pageSize(@Nullable ExprNode pageSize, ExecContext cx) {
    return pageSize == null ? 0 : Values.asLong(Eval.eval(pageSize, cx.args(), null));
  }
}
