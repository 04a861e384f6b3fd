package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Statement;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Runs an {@link ExecStatementAction}: {@code Operation.QuerySql}, or {@code Operation.Insert},
 * with the plan's statement instance (so the driver's SQL text cache hits). A statement bound to
 * keys waits for them; with no keys it sends nothing.
 */
final class ExecStatementExec {
  private ExecStatementExec() {}

  static Flux<Value.Record> run(ExecStatementAction a, ExecContext cx, Inputs in) {
    if (a.keys() == null) {
      return cx.send(operation(a, a.statement(), cx.args()));
    }
    return in.of(a.keys().input()).collectList().flatMapMany(keys -> {
      if (keys.isEmpty()) {
        return a.rowType().isEmpty() ? Flux.just(ExecContext.count(0)) : Flux.empty();
      }
      KeyFilter.Bound bound = KeyFilter.bind(a.statement(), a.keys(), keys, cx.args());
      return cx.send(operation(a, bound.statement(), bound.args()));
    });
  }

  private static Operation operation(ExecStatementAction a, Statement s, List<Value> args) {
    return a.isInsert() ? new Operation.Insert((Insert) s, args, a.rowType())
        : new Operation.QuerySql(s, args, a.rowType());
  }
}
