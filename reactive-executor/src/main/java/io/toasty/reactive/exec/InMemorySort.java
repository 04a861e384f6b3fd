package io.toasty.reactive.exec;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.eval.ValueOrder;
import io.toasty.stmt.OrderBy;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Runs a {@link SortRowsAction}: holds the input's rows (at most {@code maxRows}: the next one
 * fails the execution with a refusal naming the model, before the sort emits anything), then
 * emits them in order. The sort keys are evaluated once per row; the sort is stable, so rows equal
 * on every term keep the read's order. NULL sorts below every value.
 */
final class InMemorySort {
  private InMemorySort() {}

  /** A row and its sort keys, evaluated once. */
  private record Keyed(Value.Record row, Value[] keys) {}

  static Flux<Value.Record> run(SortRowsAction a, ExecContext cx, Inputs in) {
    if (a.presorted() > 0) {
      return runs(a, cx, in);
    }
    return Flux.defer(() -> {
      List<Keyed> rows = new ArrayList<>();
      return in.of(a.input()).<Keyed>handle((row, sink) -> {
        if (rows.size() == a.maxRows()) {
          sink.error(tooMany(a));
        } else {
          rows.add(keyed(row, a.orderBy(), cx.args()));
        }
      }).thenMany(Flux.defer(() -> {
        rows.sort(comparator(a.orderBy()));
        return Flux.fromIterable(rows).map(Keyed::row);
      }));
    });
  }

  /**
   * {@code values} (records) sorted by {@code orderBy}, as {@link #run} sorts rows: stable, NULL
   * below every value.
   */
  static List<Value> sorted(List<Value> values, List<OrderBy> orderBy, List<Value> args) {
    List<Keyed> rows = new ArrayList<>(values.size());
    for (Value v : values) {
      rows.add(keyed((Value.Record) v, orderBy, args));
    }
    rows.sort(comparator(orderBy));
    List<Value> out = new ArrayList<>(rows.size());
    rows.forEach(k -> out.add(k.row()));
    return out;
  }

  /**
   * Input ordered by the first {@code presorted} terms: each run of rows equal on those is held
   * (at most {@code maxRows}) and emitted sorted once the next run starts or the input ends, so a
   * limit downstream stops the read after the run it ends in.
   */
  private static Flux<Value.Record> runs(SortRowsAction a, ExecContext cx, Inputs in) {
    int n = a.presorted();
    Comparator<Keyed> within = comparator(a.orderBy());
    return in.of(a.input())
        .map(row -> keyed(row, a.orderBy(), cx.args()))
        .bufferUntilChanged(k -> k, (x, y) -> samePrefix(x, y, n))
        .<List<Keyed>>handle((run, sink) -> {
          if (run.size() > a.maxRows()) {
            sink.error(tooMany(a));
          } else {
            run.sort(within);
            sink.next(run);
          }
        })
        .concatMapIterable(run -> run.stream().map(Keyed::row).toList(), 1);
  }

  /** Whether {@code x} and {@code y} are equal on their first {@code n} sort keys. */
  private static boolean samePrefix(Keyed x, Keyed y, int n) {
    for (int i = 0; i < n; i++) {
      if (compare(x.keys()[i], y.keys()[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static Keyed keyed(Value.Record row, List<OrderBy> orderBy, List<Value> args) {
    Value[] keys = new Value[orderBy.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Eval.eval(orderBy.get(i).expr(), args, row);
    }
    return new Keyed(row, keys);
  }

  private static Comparator<Keyed> comparator(List<OrderBy> orderBy) {
    return (x, y) -> {
      for (int i = 0; i < orderBy.size(); i++) {
        int c = compare(x.keys()[i], y.keys()[i]);
        if (c != 0) {
          return orderBy.get(i).direction() == OrderBy.Direction.ASC ? c : -c;
        }
      }
      return 0;
    };
  }

  /** NULL first, then values in their database order. */
  private static int compare(Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      return Boolean.compare(!a.isNull(), !b.isNull());
    }
    return ValueOrder.compare(a, b);
  }

  private static UnsupportedFeatureException tooMany(SortRowsAction a) {
    return new UnsupportedFeatureException(Feature.ORDER_BY, a.backend(), "sorting more than "
        + a.maxRows() + " records of " + a.model() + " in memory, which the engine does for an "
        + "order other than the sort key's: filter so that fewer records are read, order by the "
        + "sort key within one partition, or stream without an order and sort as you go");
  }
}
