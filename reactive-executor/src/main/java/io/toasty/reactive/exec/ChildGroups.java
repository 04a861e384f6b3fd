package io.toasty.reactive.exec;

import io.toasty.planner.eval.ValueOrder;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One window's children of one branch, grouped by their join key as they arrive, then each group
 * sorted as the branch says and turned, in place, into the values its parents receive. One list
 * per parent key and one map per window: no row is copied to be grouped.
 */
final class ChildGroups {
  private final MergeBranch branch;
  private final ExecContext cx;
  /** The branch's order within a group, null when it has none. */
  private final @Nullable Comparator<Value> order;
  /** Each key's rows (a {@link Group}), replaced in place by its list value at the end. */
  private final Map<Value, Object> groups;

  /**
   * One key's rows, and whether they arrived out of the branch's order: checked as each row
   * arrives, while it and its predecessor are fresh from the decoder, so that a group that came
   * in order (the usual case: a database's index or heap order) is not walked again to be sorted
   * (a sort's first pass over records long out of the cache was 5 % of an include's CPU).
   */
  private static final class Group extends ArrayList<Value> {
    boolean unordered;
  }

  /** Groups for the children of {@code keys} distinct parent keys. */
  ChildGroups(MergeBranch branch, ExecContext cx, int keys) {
    this.branch = branch;
    this.cx = cx;
    this.order = order(branch.sortPositions());
    this.groups = new HashMap<>(keys * 4 / 3 + 1);
  }

  /** Adds one child row (as fetched: columns, then its own merged slots) to its key's group. */
  void add(Value.Record row) {
    Value key = JoinKey.of(row, branch.childPositions());
    if (key != null) {
      Group group = (Group) groups.computeIfAbsent(key, k -> new Group());
      if (order != null && !group.unordered && !group.isEmpty()
          && order.compare(group.get(group.size() - 1), row) > 0) {
        group.unordered = true;
      }
      group.add(row);
    }
  }

  /**
   * Each key's values, in the branch's order, as its parents receive them: one list value per
   * key (its parents share it), at most one item for a to-one branch.
   */
  @SuppressWarnings("unchecked")
  Map<Value, Value.ListValue> attachable() {
    for (Map.Entry<Value, Object> e : groups.entrySet()) {
      Group rows = (Group) e.getValue();
      if (rows.unordered) {
        rows.sort(order);
      }
      List<Value> values = branch.flatten() ? flattened(rows) : lifted(rows);
      int size = branch.many() ? values.size() : Math.min(1, values.size());
      e.setValue(Value.ListValue.adopt(values.subList(0, size).toArray(new Value[0])));
    }
    return (Map<Value, Value.ListValue>) (Map<Value, ?>) groups;
  }

  /** The rows replaced by their lifted records, in the same list. */
  private List<Value> lifted(List<Value> rows) {
    for (int i = 0; i < rows.size(); i++) {
      rows.set(i, branch.lift().apply((Value.Record) rows.get(i), cx.args()));
    }
    return sortedAfter(rows);
  }

  /** The records in each row's first merged slot, in the rows' order. */
  private List<Value> flattened(List<Value> rows) {
    int slot = branch.fetch().fetched().size();
    List<Value> values = new ArrayList<>(rows.size());
    for (Value row : rows) {
      values.addAll(((Value.ListValue) ((Value.Record) row).get(slot)).items());
    }
    return sortedAfter(values);
  }

  private List<Value> sortedAfter(List<Value> values) {
    if (!branch.flatOrder().isEmpty() && values.size() > 1) {
      return InMemorySort.sorted(values, branch.flatOrder(), cx.args());
    }
    return values;
  }

  /** Ascending by the values at {@code positions} (never NULL: they are keys), or null. */
  private static @Nullable Comparator<Value> order(List<Integer> positions) {
    if (positions.isEmpty()) {
      return null;
    }
    return (a, b) -> {
      Value.Record x = (Value.Record) a;
      Value.Record y = (Value.Record) b;
      for (int p : positions) {
        int c = ValueOrder.compare(x.get(p), y.get(p));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
