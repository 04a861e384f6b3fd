package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/** Runs the key-value reads that need no input: FindPkByIndex, QueryPk and Scan. */
final class KeyReadExec {
  private KeyReadExec() {}

  static Flux<Value.Record> findPkByIndex(FindPkByIndexAction a, ExecContext cx) {
    return cx.send(new Operation.FindPkByIndex(a.table(), a.index(), a.keyCondition(),
        a.filter(), cx.args()));
  }

  static Flux<Value.Record> queryPk(QueryPkAction a, ExecContext cx) {
    return cx.send(new Operation.QueryPk(a.table(), a.columns(), a.keyCondition(), a.filter(),
        cx.args(), a.forward()));
  }

  static Flux<Value.Record> scan(ScanAction a, ExecContext cx) {
    return cx.send(new Operation.Scan(a.table(), a.columns(), a.filter(), cx.args()));
  }
}
