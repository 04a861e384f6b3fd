package io.toasty.value;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The items of an include's merged slot built as model records straight from the driver's rows
 * (by the related model's {@link RowReader}): a relation handle's loader takes the records as
 * they are ({@link #records()}), and anything that reads the slot as values gets each record's
 * field values, made when asked.
 */
public final class LoadedRecords extends AbstractList<Value> implements RandomAccess {
  private final List<?> records;
  private final Function<Object, Value> values;

  private LoadedRecords(List<?> records, Function<Object, Value> values) {
    this.records = records;
    this.values = values;
  }

  /**
   * A slot of {@code records} (an unmodifiable list, kept as it is and shared by the parents
   * that receive it), whose items as values are {@code values} of each record (the model's
   * field values).
   */
  public static Value.ListValue slot(List<?> records, Function<Object, Value> values) {
    return new Value.ListValue(new LoadedRecords(Objects.requireNonNull(records, "records"),
        Objects.requireNonNull(values, "values")));
  }

  /** The records, in the slot's order (the unmodifiable list {@link #slot} was given). */
  public List<?> records() {
    return records;
  }

  @Override
  public Value get(int index) {
    return values.apply(records.get(index));
  }

  @Override
  public int size() {
    return records.size();
  }
}
