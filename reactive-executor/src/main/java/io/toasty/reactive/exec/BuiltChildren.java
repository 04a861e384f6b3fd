package io.toasty.reactive.exec;

import io.toasty.ModelDef;
import io.toasty.driver.Operation;
import io.toasty.planner.eval.ValueOrder;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.value.Columns;
import io.toasty.value.LoadedRecords;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One window's children of an SQL branch built as their model's records by its row reader,
 * straight from the driver's rows, and grouped by join key as each row arrives: no value per
 * cell, no value record to group, lift and load again, and nothing per row but the record (its
 * join key is the one value read, shared by the rows of a key that arrive one after another).
 * Each group becomes one slot of records ({@link LoadedRecords}) that its parents share and the
 * model's relation handles take as they are.
 *
 * <p>Where the branch orders a group (by the child's key: the child query has no {@code ORDER
 * BY}), each group keeps its last record's sort value to see whether its rows arrived in
 * order, as they usually do on SQL (a database's index or heap order); a group that did not is
 * sorted at the end by its records' own values. Where the order is one integral column, a group
 * keeps its records' sort values as primitives from its first row out of order on (reading the
 * earlier ones back from their records once) and is sorted by them: Neo4j hands an author's
 * books in the graph's order, seldom the key's, and a group in order keeps nothing.
 *
 * <p>Only for a branch the planner marked ({@link MergeBranch#model()}: plain columns, the model's
 * fields, no nested include, SQL) whose model has a row reader.
 */
final class BuiltChildren {
  /** A key's records, what the last one is ordered by, and whether they came out of order. */
  private static final class Group extends ArrayList<Object> {
    boolean unordered;
    /** The last record's sort value where the order is one integral column. */
    long lastIntegral;
    /**
     * Where the order is one integral column and the group came out of order: each record's sort
     * value, by arrival, to sort the group by. Null while it is in order (nothing kept), where
     * the order is of other columns, and once a record's was NULL (sorted by values then).
     */
    long @Nullable [] integrals;
    /** Otherwise: the last record's sort value, or values ({@code Value[]}). */
    @Nullable Object last;
  }

  private final MergeBranch branch;
  private final ModelDef<Object> model;
  private final Reading reading;
  private final Map<Value, Object> groups;
  /** The records' values, for their slots: one function for all of the window's slots. */
  private final Function<Object, Value> values;
  /** The previous row's key and group: the rows of one key often come one after another. */
  private @Nullable Value lastKey;
  private @Nullable Group lastGroup;

  /**
   * How a branch's child rows are read: the model and its row reader; the reader's fields (the
   * row's columns: the model's fields, then the join key's, then the sort's); where the join key
   * and sort values sit among them; and which of the record's fields hold the sort values (for a
   * group that came out of order).
   */
  record Reading(ModelDef<Object> model, RowReader<?> reader, int[] fields, int keyFrom,
      Type[] keyTypes, int sortFrom, Type[] sortTypes, boolean integralSort,
      int @Nullable [] sortFields) {}

  private BuiltChildren(MergeBranch branch, Reading reading, int keys) {
    this.branch = branch;
    this.model = reading.model();
    this.reading = reading;
    this.groups = new HashMap<>(keys * 4 / 3 + 1);
    this.values = this.model::values;
  }

  /**
   * How {@code branch}'s children are built as records, or null where they are read as values:
   * the branch names no model, the model is unknown or has no row reader, the lift is not the
   * model's fields, or a column the children are ordered by is not one of them.
   */
  @SuppressWarnings({"unchecked", "NullAway"}) // NullAway: lifted is non-null with a reader
  static @Nullable Reading readingOf(MergeBranch branch, ExecContext cx) {
    ModelDef<?> model = cx.model(branch.model());
    if (model == null || !(branch.fetch() instanceof MergeBranch.SqlFetch sql)) {
      return null;
    }
    int[] lifted = branch.lift().positions();
    int[] sortFields = lifted == null || lifted.length != model.schema().fields().size() ? null
        : sortFields(branch, lifted);
    RowReader<?> reader = sortFields == null ? null : model.rowReader();
    if (reader == null) {
      return null;
    }
    List<Integer> keyAt = branch.childPositions();
    List<Integer> sortAt = branch.sortPositions();
    int[] fields = Arrays.copyOf(lifted, lifted.length + keyAt.size() + sortAt.size());
    Type[] keyTypes = new Type[keyAt.size()];
    for (int i = 0; i < keyAt.size(); i++) {
      fields[lifted.length + i] = keyAt.get(i);
      keyTypes[i] = sql.rowType().get(keyAt.get(i));
    }
    Type[] sortTypes = new Type[sortAt.size()];
    int sortFrom = lifted.length + keyAt.size();
    for (int i = 0; i < sortAt.size(); i++) {
      fields[sortFrom + i] = sortAt.get(i);
      sortTypes[i] = sql.rowType().get(sortAt.get(i));
    }
    boolean integral = sortTypes.length == 1
        && (sortTypes[0] == Type.Scalar.I64 || sortTypes[0] == Type.Scalar.I32);
    return new Reading((ModelDef<Object>) model, reader, fields, lifted.length, keyTypes,
        sortFrom, sortTypes, integral, sortFields);
  }

  /** The record's fields that hold the branch's sort columns, null if one is not a field. */
  private static int @Nullable [] sortFields(MergeBranch branch, int[] lifted) {
    List<Integer> sortAt = branch.sortPositions();
    int[] out = new int[sortAt.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = -1;
      for (int f = 0; f < lifted.length && out[i] < 0; f++) {
        out[i] = lifted[f] == sortAt.get(i) ? f : -1;
      }
      if (out[i] < 0) {
        return null;
      }
    }
    return out;
  }

  /** The children of {@code keys}, as the slots the parents receive, grouped by join key. */
  static Mono<Map<Value, Value.ListValue>> load(MergeBranch b, Reading reading,
      List<Value.Record> keys, ExecContext cx) {
    MergeBranch.SqlFetch sql = (MergeBranch.SqlFetch) b.fetch();
    KeyFilter.Bound bound = KeyFilter.bind(sql.statement(), sql.keys(), keys, cx.args());
    Operation.QuerySql op = new Operation.QuerySql(bound.statement(), bound.args(), sql.rowType());
    return Mono.defer(() -> {
      BuiltChildren children = new BuiltChildren(b, reading, keys.size());
      // One list from the driver, no signal per row: the window's records are all held in their
      // groups anyway; the list itself is dropped.
      return cx.readAllAside(op, reading.fields(), children::add)
          .map(records -> children.attachable());
    });
  }

  /**
   * Reads one row's record into its key's group; returns the record. The key is read first: it
   * is read as a value, after which the row's columns are each read from the driver once.
   */
  @SuppressWarnings("NullAway") // lastGroup is set with lastKey, a non-null key
  private Object add(Columns row) {
    Value key = key(row, reading.keyFrom(), reading.keyTypes());
    Object record = reading.reader().read(row);
    if (key == null) {
      return record;
    }
    Group group = lastGroup;
    if (key != lastKey && !key.equals(lastKey)) {
      group = (Group) groups.computeIfAbsent(key, k -> new Group());
      lastKey = key;
      lastGroup = group;
    }
    if (reading.integralSort()) {
      noteIntegral(group, row);
    } else if (reading.sortTypes().length > 0 && !group.unordered) {
      group.unordered = outOfOrder(group, sort(row, reading.sortFrom(), reading.sortTypes()));
    }
    group.add(record);
    return record;
  }

  /**
   * Keeps the row's integral sort value for the record about to join {@code group}, and notes
   * whether it comes before the group's last (it becomes the last).
   */
  private void noteIntegral(Group group, Columns row) {
    int at = reading.sortFrom();
    if (row.isNull(at)) {
      group.unordered = true; // sorted at the end by values, as the value path would
      group.integrals = null;
      return;
    }
    long value = reading.sortTypes()[0] == Type.Scalar.I64 ? row.i64(at) : row.i32(at);
    if (!group.unordered && !group.isEmpty() && value < group.lastIntegral) {
      group.unordered = true;
      group.integrals = arrivedSoFar(group);
    }
    group.lastIntegral = value;
    long[] integrals = group.integrals;
    if (integrals != null) {
      if (group.size() == integrals.length) {
        integrals = Arrays.copyOf(integrals, integrals.length * 2);
        group.integrals = integrals;
      }
      integrals[group.size()] = value;
    }
  }

  /**
   * The sort values of a group's records so far, read from the records (they came in order, so
   * none was kept): once per group, when it first comes out of order, with room for as many.
   */
  private long[] arrivedSoFar(Group group) {
    int field = Objects.requireNonNull(reading.sortFields(), "sorted by a field")[0];
    long[] integrals = new long[Math.max(4, group.size() * 2)];
    for (int i = 0; i < group.size(); i++) {
      integrals[i] = Values.asLong(model.values(group.get(i)).get(field));
    }
    return integrals;
  }

  /** Whether {@code sort} comes before the group's last record's; it becomes the last. */
  @SuppressWarnings("NullAway") // a non-empty group has its last
  private static boolean outOfOrder(Group group, Object sort) {
    boolean before = !group.isEmpty() && compare(group.last, sort) > 0;
    group.last = sort;
    return before;
  }

  /** The join key ({@link JoinKey}'s form: the value itself for one column), null if NULL. */
  private static @Nullable Value key(Columns row, int from, Type[] types) {
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
    if (types.length == 1) {
      return row.value(from, types[0]);
    }
    Value[] values = new Value[types.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.value(from + i, types[i]);
    }
    return values;
  }

  /** Each key's records, in the branch's order, at most one for a to-one branch. */
  @SuppressWarnings("unchecked")
  private Map<Value, Value.ListValue> attachable() {
    for (Map.Entry<Value, Object> e : groups.entrySet()) {
      Group children = (Group) e.getValue();
      if (children.unordered) {
        if (reading.integralSort() && children.integrals != null) {
          sortByIntegrals(children, children.integrals);
        } else {
          sortByValues(children);
        }
      }
      List<Object> records = branch.many() ? Collections.unmodifiableList(children)
          : children.isEmpty() ? List.of() : List.of(children.get(0));
      e.setValue(LoadedRecords.slot(records, values));
    }
    return (Map<Value, Value.ListValue>) (Map<Value, ?>) groups;
  }

  /**
   * Sorts a group that came out of order by its records' integral sort values as they arrived
   * (a stable sort, as {@link #sortByValues}): only the records before the first out of order
   * were taken apart into values for it ({@link #arrivedSoFar}). An include on Neo4j gets its
   * children in the graph's order, not the key's, and sorting them by values was most of what
   * the include added to the Bolt driver's work (docs/design/performance.md, "Neo4j rows read
   * by type").
   */
  private static void sortByIntegrals(Group children, long[] integrals) {
    Integer[] order = new Integer[children.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(integrals[a], integrals[b]));
    Object[] records = children.toArray();
    for (int i = 0; i < order.length; i++) {
      children.set(i, records[order[i]]);
    }
  }

  /** Sorts a group that came out of order by its records' sort fields (a stable sort). */
  private void sortByValues(Group children) {
    int[] at = Objects.requireNonNull(reading.sortFields(), "sorted by values");
    Object[][] keyed = new Object[children.size()][];
    for (int i = 0; i < keyed.length; i++) {
      Value.Record all = model.values(children.get(i));
      Value[] sort = new Value[at.length];
      for (int s = 0; s < at.length; s++) {
        sort[s] = all.get(at[s]);
      }
      keyed[i] = new Object[] {sort, children.get(i)};
    }
    Arrays.sort(keyed, Comparator.comparing(k -> (Value[]) k[0], BuiltChildren::compareAll));
    for (int i = 0; i < keyed.length; i++) {
      children.set(i, keyed[i][1]);
    }
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Value one) {
      return ValueOrder.compare(one, (Value) b);
    }
    return compareAll((Value[]) a, (Value[]) b);
  }

  private static int compareAll(Value[] x, Value[] y) {
    for (int i = 0; i < x.length; i++) {
      int c = ValueOrder.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
