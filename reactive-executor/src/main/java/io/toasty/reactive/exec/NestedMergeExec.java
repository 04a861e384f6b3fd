package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.eval.ValueOrder;
import io.toasty.planner.plan.MergeBranch;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a {@link NestedMergeAction} as a reactive join: {@code parents.buffer(window)}, then for
 * each window one child operation per branch for the window's keys (the branches subscribed
 * together, sent aside: on the plan's second connection one at a time, or concurrently where
 * a connection is free at once), the children grouped by key and each group sorted as the
 * branch says, and the window's parents emitted in order with one merged slot per branch. A
 * child query's rows are read to the end before its own children's queries are sent. Windows go one after the other ({@code concatMap} with a prefetch of one), so at most
 * two windows and their children are held, and the parents are requested from the database only
 * as windows are merged.
 *
 * <p>Where the execution has one connection (a transaction), the parents' rows are read to the
 * end before the first child operation and the branches run one after the other: a connection
 * takes one operation at a time.
 */
final class NestedMergeExec {
  private NestedMergeExec() {}

  static Flux<Value.Record> run(NestedMergeAction a, ExecContext cx, Inputs in) {
    return merge(in.of(a.input()), a.branches(), a.window(), cx);
  }

  /** {@code rows}, each with one merged slot per branch appended. */
  static Flux<Value.Record> merge(Flux<Value.Record> rows, List<MergeBranch> branches,
      int window, ExecContext cx) {
    Flux<Value.Record> source = cx.concurrent() ? rows
        : rows.collectList().flatMapIterable(list -> list);
    return source.buffer(window).concatMap(w -> window(w, branches, window, cx), 1);
  }

  private static Flux<Value.Record> window(List<Value.Record> parents,
      List<MergeBranch> branches, int window, ExecContext cx) {
    List<Mono<Map<Value.Record, List<Value>>>> loads = new ArrayList<>(branches.size());
    for (MergeBranch b : branches) {
      loads.add(load(b, keys(parents, b.parentPositions()), window, cx));
    }
    Mono<List<Map<Value.Record, List<Value>>>> all = cx.concurrent()
        ? Mono.zip(loads, NestedMergeExec::maps)
        : Flux.concat(loads).collectList();
    return all.flatMapIterable(maps -> {
      List<Value.Record> out = new ArrayList<>(parents.size());
      for (Value.Record parent : parents) {
        out.add(attach(parent, branches, maps));
      }
      return out;
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<Value.Record, List<Value>>> maps(Object[] results) {
    List<Map<Value.Record, List<Value>>> out = new ArrayList<>(results.length);
    for (Object r : results) {
      out.add((Map<Value.Record, List<Value>>) r);
    }
    return out;
  }

  /** The parent with one slot per branch: a list of its children (at most one for to-one). */
  private static Value.Record attach(Value.Record parent, List<MergeBranch> branches,
      List<Map<Value.Record, List<Value>>> maps) {
    List<Value> fields = new ArrayList<>(parent.size() + branches.size());
    fields.addAll(parent.fields());
    for (int i = 0; i < branches.size(); i++) {
      MergeBranch b = branches.get(i);
      Value.Record key = key(parent, b.parentPositions());
      List<Value> children = key == null ? List.of()
          : maps.get(i).getOrDefault(key, List.of());
      if (!b.many() && children.size() > 1) {
        children = children.subList(0, 1);
      }
      fields.add(new Value.ListValue(children));
    }
    return new Value.Record(fields);
  }

  /** The children of {@code keys}, as the records the parents receive, grouped by key. */
  private static Mono<Map<Value.Record, List<Value>>> load(MergeBranch b,
      List<Value.Record> keys, int window, ExecContext cx) {
    if (keys.isEmpty()) {
      return Mono.just(Collections.emptyMap());
    }
    Flux<Value.Record> children = fetch(b.fetch(), keys, cx);
    if (!b.nested().isEmpty()) {
      // Read to the end before the grandchildren's queries: its connection is then free for
      // them, and nothing is held that the groups below would not hold anyway.
      children = merge(children.collectList().flatMapIterable(rows -> rows), b.nested(),
          window, cx);
    }
    return children.collect(HashMap::new, (Map<Value.Record, List<Value.Record>> map,
        Value.Record row) -> {
      Value.Record key = key(row, b.childPositions());
      if (key != null) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }).map(groups -> attachable(b, groups, cx));
  }

  /** Each key's rows, in the branch's order, as the values its parents receive. */
  private static Map<Value.Record, List<Value>> attachable(MergeBranch b,
      Map<Value.Record, List<Value.Record>> groups, ExecContext cx) {
    int slot = b.fetch().fetched().size();
    Comparator<Value.Record> order = order(b.sortPositions());
    Map<Value.Record, List<Value>> out = new HashMap<>(groups.size() * 4 / 3 + 1);
    groups.forEach((key, rows) -> {
      if (order != null && rows.size() > 1) {
        rows.sort(order);
      }
      List<Value> values = new ArrayList<>(rows.size());
      for (Value.Record row : rows) {
        if (b.flatten()) {
          values.addAll(((Value.ListValue) row.get(slot)).items());
        } else {
          values.add(b.lift().apply(row, cx.args()));
        }
      }
      if (!b.flatOrder().isEmpty() && values.size() > 1) {
        values = InMemorySort.sorted(values, b.flatOrder(), cx.args());
      }
      out.put(key, values);
    });
    return out;
  }

  /** Ascending by the values at {@code positions} (never NULL: they are keys), or null. */
  private static Comparator<Value.Record> order(List<Integer> positions) {
    if (positions.isEmpty()) {
      return null;
    }
    return (x, y) -> {
      for (int p : positions) {
        int c = ValueOrder.compare(x.get(p), y.get(p));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static Flux<Value.Record> fetch(MergeBranch.Fetch fetch, List<Value.Record> keys,
      ExecContext cx) {
    if (fetch instanceof MergeBranch.SqlFetch sql) {
      KeyFilter.Bound bound = KeyFilter.bind(sql.statement(), sql.keys(), keys, cx.args());
      return cx.sendAside(new Operation.QuerySql(bound.statement(), bound.args(),
          sql.rowType()));
    }
    if (fetch instanceof MergeBranch.IndexFetch limited) {
      return IndexFetchExec.run(limited, keys, cx);
    }
    MergeBranch.KeyFetch byKey = (MergeBranch.KeyFetch) fetch;
    Flux<Value.Record> rows = cx.sendAside(new Operation.GetByKey(byKey.table(),
        byKey.columns(), keys));
    return byKey.residual().equals(io.toasty.stmt.Expr.TRUE) ? rows
        : rows.filter(row -> Eval.isTrue(byKey.residual(), cx.args(), row));
  }

  /** The distinct non-null keys of {@code rows}, in order. */
  private static List<Value.Record> keys(List<Value.Record> rows, List<Integer> positions) {
    Set<Value.Record> keys = new LinkedHashSet<>();
    for (Value.Record row : rows) {
      Value.Record key = key(row, positions);
      if (key != null) {
        keys.add(key);
      }
    }
    return new ArrayList<>(keys);
  }

  /** The values at {@code positions}, or null when one is NULL (it relates to nothing). */
  private static Value.Record key(Value.Record row, List<Integer> positions) {
    Value[] values = new Value[positions.size()];
    for (int i = 0; i < values.length; i++) {
      Value v = row.get(positions.get(i));
      if (v.isNull()) {
        return null;
      }
      values[i] = v;
    }
    return Value.Record.of(values);
  }
}
