package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field stored in several consecutive columns of its model: an embedded record
 * ({@code Shops.ADDRESS}) or a sealed interface with data ({@code Subscriptions.STATUS}). The
 * generated paths class of such a field extends this, so that a query can select it and group by
 * it as one value: {@code Subscriptions.all().select(Subscriptions.STATUS, Agg.count())
 * .groupBy(Subscriptions.STATUS)} gives each {@code Status} with its count. Its columns are
 * selected (and grouped by) one by one, and each result is built back into the field's Java type
 * by the model's own loader.
 *
 * @param <T> the field's Java type (without {@code Optional}: an absent value reads as null)
 */
public abstract class CompositePath<T> implements Selectable<T> {
  private final String model;
  private final String name;
  private final int first;
  private final int end;
  private final ExprNode.Record node;

  /**
   * The field {@code name} of {@code model}, stored in the model's fields {@code first} (included)
   * to {@code end} (excluded).
   */
  protected CompositePath(String model, String name, int first, int end) {
    if (first < 0 || end <= first) {
      throw new IllegalArgumentException(model + "." + name + ": no columns " + first + " to "
          + end);
    }
    this.model = model;
    this.name = name;
    this.first = first;
    this.end = end;
    List<ExprNode> columns = new ArrayList<>(end - first);
    for (int i = first; i < end; i++) {
      columns.add(new ExprNode.Field(model, i));
    }
    this.node = new ExprNode.Record(columns);
  }

  /** The model's name. */
  public final String model() {
    return model;
  }

  /** The field's name. */
  public final String name() {
    return name;
  }

  /** A record of the field's columns, in the model's order. */
  @Override
  public final ExprNode node() {
    return node;
  }

  /**
   * {@inheritDoc} {@code value} is a record of the field's columns; the model's loader builds the
   * field from them (an absent {@code Optional} value is null).
   *
   * @throws IllegalArgumentException naming model and field when the columns do not make a value
   */
  @Override
  public final @Nullable T read(Value value) {
    if (value.isNull()) {
      return null;
    }
    if (!(value instanceof Value.Record r) || r.size() != end - first) {
      throw new IllegalArgumentException(model + "." + name + ": cannot read " + value
          + " as the field's " + (end - first) + " columns");
    }
    Value[] row = new Value[end];
    Arrays.fill(row, 0, first, Value.NULL);
    for (int i = first; i < end; i++) {
      row[i] = r.get(i - first);
    }
    return load(Value.Record.adopt(row));
  }

  /**
   * The field's value from {@code row}, a row of the model whose fields {@code first} to
   * {@code end} hold the field's columns (the others NULL); null when it is absent.
   */
  protected abstract T load(Value.Record row);

  @Override
  public String toString() {
    return model + "." + name;
  }
}
