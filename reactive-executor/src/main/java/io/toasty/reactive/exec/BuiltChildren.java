package io.toasty.reactive.exec;

import io.toasty.ModelDef;
import io.toasty.driver.Operation;
import io.toasty.planner.eval.ValueOrder;
import io.toasty.planner.plan.MergeBranch;
import io.toasty.value.Columns;
import io.toasty.value.LoadedRecords;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One window's children of an SQL branch built as their model's records by its row reader,
 * straight from the driver's rows: no value per cell, no value record to group, lift and load
 * again. Each row gives its record, its join key and (where the branch orders a group) its sort
 * values, the only cells read as values; the groups are as {@link ChildGroups} makes them, and
 * each becomes one slot of records ({@link LoadedRecords}) that its parents share and the model's
 * relation handles take as they are.
 *
 * <p>Only for a branch the planner marked ({@link MergeBranch#model()}: plain columns, the model's
 * fields, no nested include, SQL) whose model has a row reader.
 */
final class BuiltChildren {
  /**
   * A child's record with what it is grouped and ordered by: {@code sort} is null without an
   * order, the value itself for one column, else a {@code Value[]}.
   */
  private record Built(Value key, Object sort, Object record) {}

  /** A key's children, and whether they arrived out of the branch's order. */
  private static final class Group extends ArrayList<Built> {
    boolean unordered;
  }

  private final MergeBranch branch;
  private final ModelDef<?> model;
  private final Map<Value, Object> groups;
  private static final Comparator<Built> ORDER = BuiltChildren::compare;

  private BuiltChildren(MergeBranch branch, ModelDef<?> model, int keys) {
    this.branch = branch;
    this.model = model;
    this.groups = new HashMap<>(keys * 4 / 3 + 1);
  }

  /**
   * The reader of {@code branch}'s children, or null where they are read as values: the branch
   * names no model, the model is unknown or has no row reader, or the lift is not the model's
   * fields.
   */
  static RowReader<?> readerOf(MergeBranch branch, ExecContext cx) {
    ModelDef<?> model = cx.model(branch.model());
    if (model == null || !(branch.fetch() instanceof MergeBranch.SqlFetch)) {
      return null;
    }
    int[] positions = branch.lift().positions();
    return positions == null || positions.length != model.schema().fields().size() ? null
        : model.rowReader();
  }

  /** The children of {@code keys}, as the slots the parents receive, grouped by join key. */
  static Mono<Map<Value, Value.ListValue>> load(MergeBranch b, RowReader<?> reader,
      List<Value.Record> keys, ExecContext cx) {
    MergeBranch.SqlFetch sql = (MergeBranch.SqlFetch) b.fetch();
    int[] lifted = b.lift().positions();
    int fieldCount = lifted.length;
    List<Integer> keyAt = b.childPositions();
    List<Integer> sortAt = b.sortPositions();
    // the reader's fields are the model's, then the join key's columns, then the sort's
    int[] fields = new int[fieldCount + keyAt.size() + sortAt.size()];
    System.arraycopy(lifted, 0, fields, 0, fieldCount);
    Type[] keyTypes = new Type[keyAt.size()];
    for (int i = 0; i < keyAt.size(); i++) {
      fields[fieldCount + i] = keyAt.get(i);
      keyTypes[i] = sql.rowType().get(keyAt.get(i));
    }
    Type[] sortTypes = new Type[sortAt.size()];
    int sortFrom = fieldCount + keyAt.size();
    for (int i = 0; i < sortAt.size(); i++) {
      fields[sortFrom + i] = sortAt.get(i);
      sortTypes[i] = sql.rowType().get(sortAt.get(i));
    }
    RowReader<Built> built = row -> new Built(key(row, fieldCount, keyTypes),
        sort(row, sortFrom, sortTypes), reader.read(row));
    KeyFilter.Bound bound = KeyFilter.bind(sql.statement(), sql.keys(), keys, cx.args());
    ModelDef<?> model = cx.model(b.model());
    return cx.readAside(new Operation.QuerySql(bound.statement(), bound.args(), sql.rowType()),
            fields, built)
        .collect(() -> new BuiltChildren(b, model, keys.size()), BuiltChildren::add)
        .map(BuiltChildren::attachable);
  }

  /** The join key ({@link JoinKey}'s form: the value itself for one column), null if NULL. */
  private static Value key(Columns row, int from, Type[] types) {
    if (types.length == 1) {
      Value v = row.value(from, types[0]);
      return v.isNull() ? null : v;
    }
    Value[] values = new Value[types.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.value(from + i, types[i]);
      if (values[i].isNull()) {
        return null;
      }
    }
    return Value.Record.adopt(values);
  }

  private static Object sort(Columns row, int from, Type[] types) {
    if (types.length < 2) {
      return types.length == 0 ? null : row.value(from, types[0]);
    }
    Value[] values = new Value[types.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.value(from + i, types[i]);
    }
    return values;
  }

  private void add(Built child) {
    if (child.key() == null) {
      return;
    }
    Group group = (Group) groups.computeIfAbsent(child.key(), k -> new Group());
    if (child.sort() != null && !group.unordered && !group.isEmpty()
        && compare(group.get(group.size() - 1), child) > 0) {
      group.unordered = true;
    }
    group.add(child);
  }

  /** Each key's records, in the branch's order, at most one for a to-one branch. */
  @SuppressWarnings("unchecked")
  private Map<Value, Value.ListValue> attachable() {
    for (Map.Entry<Value, Object> e : groups.entrySet()) {
      Group children = (Group) e.getValue();
      if (children.unordered) {
        children.sort(ORDER);
      }
      int size = branch.many() ? children.size() : Math.min(1, children.size());
      Object[] records = new Object[size];
      for (int i = 0; i < size; i++) {
        records[i] = children.get(i).record();
      }
      e.setValue(LoadedRecords.slot(List.of(records), this::values));
    }
    return (Map<Value, Value.ListValue>) (Map<Value, ?>) groups;
  }

  @SuppressWarnings("unchecked")
  private Value values(Object record) {
    return ((ModelDef<Object>) model).values(record);
  }

  private static int compare(Built a, Built b) {
    if (a.sort() instanceof Value one) {
      return ValueOrder.compare(one, (Value) b.sort());
    }
    Value[] x = (Value[]) a.sort();
    Value[] y = (Value[]) b.sort();
    for (int i = 0; i < x.length; i++) {
      int c = ValueOrder.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
