package io.toasty.value;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that its creator hands over and never writes again; what
 * {@link Value.Record#adopt(Value[])} keeps instead of a copy.
 */
final class AdoptedValues extends AbstractList<Value> implements RandomAccess {
  private final Value[] values;

  AdoptedValues(Value[] values) {
    for (Value v : values) {
      Objects.requireNonNull(v, "a record field is null; use Value.Null");
    }
    this.values = values;
  }

  @Override
  public Value get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
