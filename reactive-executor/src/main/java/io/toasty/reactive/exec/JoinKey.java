package io.toasty.reactive.exec;

import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key a parent row and its children join on, as a map key: the value itself where the key is
 * one column (the usual foreign key; no record is made per row), a record of the values where it
 * is several. Both sides of a join have the same number of key columns, so the two forms are
 * never compared with each other.
 */
final class JoinKey {
  private JoinKey() {}

  /** The values at {@code positions}, or null when one is NULL (it relates to nothing). */
  static @Nullable Value of(Value.Record row, List<Integer> positions) {
    if (positions.size() == 1) {
      Value v = row.get(positions.get(0));
      return v.isNull() ? null : v;
    }
    Value[] values = new Value[positions.size()];
    for (int i = 0; i < values.length; i++) {
      Value v = row.get(positions.get(i));
      if (v.isNull()) {
        return null;
      }
      values[i] = v;
    }
    return Value.Record.adopt(values);
  }

  /** {@code key} (made by {@link #of} over {@code arity} positions) as the record of its values. */
  static Value.Record record(Value key, int arity) {
    return arity == 1 ? Value.Record.adopt(new Value[] {key}) : (Value.Record) key;
  }
}
