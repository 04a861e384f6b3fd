package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
 * takes one operation at a time. Where it has more, parents that end within two windows are
 * read the same way, on the parents' connection, as one window ({@link HoldBack}): an include of
 * a page needs no second connection, and up to two windows' parents cost one child query per
 * branch, as a hand-written pair of queries does.
 */
final class NestedMergeExec {
  /** The slot of a parent with no children (shared: a list value is immutable). */
  private static final Value.ListValue NONE = new Value.ListValue(List.of());

  private NestedMergeExec() {}

  static Flux<Value.Record> run(NestedMergeAction a, ExecContext cx, Inputs in) {
    return include(in.of(a.input()), a.branches(), a.window(), cx);
  }

  /**
   * An include's parents {@code rows}, each with one merged slot per branch appended. Parents
   * that end within two windows (as a page or a modest list does) are read first and their
   * children after them on the same connection, one query per branch for all of them: one connection and one event loop for the
   * request, as a hand-written pair of queries, and the lease's workers are never taken. More
   * parents stream, their children read aside as each window fills.
   */
  static Flux<Value.Record> include(Flux<Value.Record> rows, List<MergeBranch> branches,
      int window, ExecContext cx) {
    if (!cx.concurrent()) {
      return merge(rows, branches, window, cx);
    }
    return HoldBack.of(rows, window, (windows, held) -> windows
        .concatMap(w -> window(w, branches, window, held.endedEarly() ? cx.alone() : cx), 1));
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
    // each parent's key per branch, taken once: the fetch's key list and the attach read them
    Value[][] parentKeys = new Value[branches.size()][];
    List<Mono<Map<Value, Value.ListValue>>> loads = new ArrayList<>(branches.size());
    for (int i = 0; i < branches.size(); i++) {
      MergeBranch b = branches.get(i);
      parentKeys[i] = keys(parents, b.parentPositions());
      loads.add(load(b, distinct(parentKeys[i], b.parentPositions().size()), window, cx));
    }
    Mono<List<Map<Value, Value.ListValue>>> all = cx.concurrent()
        ? Mono.zip(loads, NestedMergeExec::maps)
        : Flux.concat(loads).collectList();
    return all.flatMapIterable(maps -> {
      List<Value.Record> out = new ArrayList<>(parents.size());
      for (int p = 0; p < parents.size(); p++) {
        out.add(attach(parents.get(p), p, branches, parentKeys, maps));
      }
      return out;
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<Value, Value.ListValue>> maps(Object[] results) {
    List<Map<Value, Value.ListValue>> out = new ArrayList<>(results.length);
    for (Object r : results) {
      out.add((Map<Value, Value.ListValue>) r);
    }
    return out;
  }

  /**
   * Parent {@code p} with one slot per branch: a list of its children (at most one for to-one).
   */
  private static Value.Record attach(Value.Record parent, int p, List<MergeBranch> branches,
      Value[][] parentKeys, List<Map<Value, Value.ListValue>> maps) {
    int size = parent.size();
    Value[] fields = new Value[size + branches.size()];
    for (int f = 0; f < size; f++) {
      fields[f] = parent.get(f);
    }
    for (int i = 0; i < branches.size(); i++) {
      Value key = parentKeys[i][p];
      Value.ListValue children = key == null ? null : maps.get(i).get(key);
      fields[size + i] = children == null ? NONE : children;
    }
    return Value.Record.adopt(fields);
  }

  /**
   * The children of {@code keys}, as the values the parents receive, grouped by join key; built
   * as their model's records where the branch allows it ({@link BuiltChildren}).
   */
  private static Mono<Map<Value, Value.ListValue>> load(MergeBranch b, List<Value.Record> keys,
      int window, ExecContext cx) {
    if (keys.isEmpty()) {
      return Mono.just(Collections.emptyMap());
    }
    BuiltChildren.Reading reading = BuiltChildren.readingOf(b, cx);
    if (reading != null) {
      return BuiltChildren.load(b, reading, keys, cx);
    }
    Flux<Value.Record> children = fetch(b.fetch(), keys, cx);
    if (!b.nested().isEmpty()) {
      // Read to the end before the grandchildren's queries: its connection is then free for
      // them, and nothing is held that the groups below would not hold anyway.
      children = merge(children.collectList().flatMapIterable(rows -> rows), b.nested(),
          window, cx);
    }
    return children.collect(() -> new ChildGroups(b, cx, keys.size()), ChildGroups::add)
        .map(ChildGroups::attachable);
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
        byKey.columns(), primaryKeys(keys, byKey.keyPositions())));
    return byKey.residual().equals(ExprNode.TRUE) ? rows
        : rows.filter(row -> Eval.isTrue(byKey.residual(), cx.args(), row));
  }

  /**
   * The primary keys in the window's {@code keys}, at {@code positions}: the keys themselves
   * where the merge joins on the key alone, else each distinct key once (the merge matches the
   * rest of its columns).
   */
  private static List<Value.Record> primaryKeys(List<Value.Record> keys,
      List<Integer> positions) {
    if (keys.isEmpty() || positions.size() == keys.get(0).fields().size()) {
      return keys;
    }
    Set<Value.Record> out = new LinkedHashSet<>();
    for (Value.Record key : keys) {
      List<Value> part = new ArrayList<>(positions.size());
      positions.forEach(p -> part.add(key.fields().get(p)));
      out.add(new Value.Record(part));
    }
    return List.copyOf(out);
  }

  /** Each row's join key at {@code positions} ({@link JoinKey}), null where it has none. */
  private static Value[] keys(List<Value.Record> rows, List<Integer> positions) {
    Value[] keys = new Value[rows.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = JoinKey.of(rows.get(i), positions);
    }
    return keys;
  }

  /** The distinct non-null {@code keys}, in order, as records of {@code arity} values. */
  private static List<Value.Record> distinct(Value[] keys, int arity) {
    Set<Value> seen = new HashSet<>(keys.length * 4 / 3 + 1);
    List<Value.Record> out = new ArrayList<>(keys.length);
    for (Value key : keys) {
      if (key != null && seen.add(key)) {
        out.add(JoinKey.record(key, arity));
      }
    }
    return out;
  }
}
