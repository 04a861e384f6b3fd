package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.plan.node.RowBinding;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * Runs an {@link ExecStatementAction}: {@code Operation.QuerySql}, or {@code Operation.Insert},
 * with the plan's statement instance (so the driver's SQL text cache hits). A statement bound to
 * keys waits for them; with no keys it sends nothing.
 */
final class ExecStatementExec {
  private ExecStatementExec() {}

  static Flux<Value.Record> run(ExecStatementAction a, ExecContext cx, Inputs in) {
    if (!a.bindings().isEmpty()) {
      return bound(a, cx, in);
    }
    if (a.keys() == null) {
      return cx.send(operation(a, a.statement(), cx.args()));
    }
    List<Integer> positions = a.keys().positions();
    Flux<Value.Record> input = in.of(a.keys().input());
    if (!positions.isEmpty()) {
      input = input.map(row -> {
        Value[] key = new Value[positions.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = row.get(positions.get(i));
        }
        return Value.Record.of(key);
      }).filter(key -> key.fields().stream().noneMatch(Value::isNull)).distinct();
    }
    return input.collectList().flatMapMany(keys -> {
      if (keys.isEmpty()) {
        return a.rowType().isEmpty() ? Flux.just(ExecContext.count(0)) : Flux.empty();
      }
      KeyFilter.Bound bound = KeyFilter.bind(a.statement(),
          Objects.requireNonNull(a.keys(), "checked above"), keys, cx.args());
      return cx.send(operation(a, bound.statement(), bound.args()));
    });
  }

  /**
   * A statement whose arguments include values of other variables' rows (a nested create's
   * foreign keys): each variable read once, the values appended after the plan's arguments.
   */
  private static Flux<Value.Record> bound(ExecStatementAction a, ExecContext cx, Inputs in) {
    List<Integer> vars = new ArrayList<>(new LinkedHashSet<>(
        a.bindings().stream().map(RowBinding::input).toList()));
    return Flux.fromIterable(vars).concatMap(v -> in.of(v).collectList()).collectList()
        .flatMapMany(rows -> {
          List<Value> args = new ArrayList<>(cx.args());
          for (RowBinding b : a.bindings()) {
            List<Value.Record> input = rows.get(vars.indexOf(b.input()));
            if (b.row() >= input.size()) {
              return Flux.error(new IllegalStateException("row " + b.row() + " of $"
                  + b.input() + " was bound but only " + input.size() + " came back"));
            }
            args.add(input.get(b.row()).get(b.position()));
          }
          return cx.send(operation(a, a.statement(), args));
        });
  }

  private static Operation operation(ExecStatementAction a, StatementNode s, List<Value> args) {
    return a.isInsert() ? new Operation.Insert((InsertNode) s, args, a.rowType())
        : new Operation.QuerySql(s, args, a.rowType());
  }
}
