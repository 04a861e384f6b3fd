package io.toasty.reactive.exec;

import io.toasty.planner.action.ConcatAction;
import io.toasty.planner.action.ConstAction;
import io.toasty.planner.action.CountRowsAction;
import io.toasty.planner.action.FilterAction;
import io.toasty.planner.action.LimitAction;
import io.toasty.planner.action.ProjectRowsAction;
import io.toasty.planner.action.GroupRowsAction;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.eval.Grouping;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** Runs the in-memory actions: Filter, Limit and Concat stream; Const evaluates its rows. */
final class InMemoryExec {
  private InMemoryExec() {}

  static Flux<Value.Record> filter(FilterAction a, ExecContext cx, Inputs in) {
    return in.of(a.input()).filter(row -> Eval.isTrue(a.predicate(), cx.args(), row));
  }

  static Flux<Value.Record> limit(LimitAction a, ExecContext cx, Inputs in) {
    long count = Values.asLong(Eval.eval(a.count(), cx.args(), null));
    long offset = a.offset() == null ? 0 : Values.asLong(Eval.eval(a.offset(), cx.args(), null));
    return in.of(a.input()).skip(offset).take(count);
  }

  static Flux<Value.Record> concat(ConcatAction a, Inputs in) {
    List<Flux<Value.Record>> inputs = new ArrayList<>(a.inputs().size());
    a.inputs().forEach(v -> inputs.add(in.of(v)));
    Flux<Value.Record> all = Flux.concat(inputs);
    if (a.counts()) {
      return all.reduce(0L, (sum, row) -> sum + Values.asLong(row.get(0)))
          .map(ExecContext::count).flux();
    }
    if (a.distinctKey().isEmpty()) {
      return all;
    }
    return all.distinct(row -> key(row, a.distinctKey()));
  }

  static Flux<Value.Record> project(ProjectRowsAction a, Inputs in) {
    return in.of(a.input()).map(row -> new Value.Record(key(row, a.positions())));
  }

  private static Value at(Value.Record row, int position) {
    // -1: a column the read left out (a deferred field no one asked for)
    return position < 0 ? Value.NULL : row.get(position);
  }

  static Flux<Value.Record> countRows(CountRowsAction a, Inputs in) {
    return ContextOnce.of(in.of(a.input()).count()).map(ExecContext::count).flux();
  }

  /** Groups as the rows stream by; the groups come out when the input completes. */
  static Flux<Value.Record> group(GroupRowsAction a, ExecContext cx, Inputs in) {
    return Flux.defer(() -> {
      Grouping grouping = new Grouping(a.grouped(), cx.args());
      return in.of(a.input()).doOnNext(grouping::add)
          .thenMany(Flux.defer(() -> Flux.fromIterable(grouping.finish())));
    });
  }

  static Flux<Value.Record> constant(ConstAction a, ExecContext cx) {
    return Flux.fromIterable(a.rows()).map(r -> Eval.record(r, cx.args(), null));
  }

  private static List<Value> key(Value.Record row, List<Integer> positions) {
    List<Value> out = new ArrayList<>(positions.size());
    positions.forEach(p -> out.add(at(row, p)));
    return out;
  }
}
