package io.toasty.dynamo.op;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.DriverException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items, keys and rows: converting between DynamoDB items and the engine's records. */
final class Items {
  private Items() {}

  /** The DynamoDB key of {@code key} (values in key order), or null when a part is NULL. */
  static @Nullable Map<String, AttributeValue> key(TableInfo t, Value.Record key) {
    List<Integer> pk = t.primaryKey();
    if (key.size() != pk.size()) {
      throw new IllegalArgumentException("a key of " + t.name() + " has " + pk.size()
          + " parts, got " + key);
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = 0; i < pk.size(); i++) {
      AttributeValue a = AttributeCodec.encode(key.get(i));
      if (a == null) {
        return null;
      }
      out.put(t.attribute(pk.get(i)), a);
    }
    return out;
  }

  /** The key attributes of {@code item}. */
  static Map<String, AttributeValue> keyOf(TableInfo t, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int c : t.primaryKey()) {
      out.put(t.attribute(c), item.get(t.attribute(c)));
    }
    return out;
  }

  /**
   * {@code key} with numbers in canonical form, to match keys DynamoDB returns (it normalizes
   * {@code 1.50} to {@code 1.5}) with those sent.
   */
  static Map<String, AttributeValue> canonical(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    key.forEach((k, v) -> out.put(k, v != null && v.n() != null ? AttributeValue.fromN(
        new BigDecimal(v.n()).stripTrailingZeros().toPlainString()) : v));
    return out;
  }

  /** The distinct DynamoDB keys of {@code keys}, in order, NULL-holding keys dropped. */
  static List<Map<String, AttributeValue>> keys(TableInfo t, Collection<Value.Record> keys) {
    Set<Map<String, AttributeValue>> out = new LinkedHashSet<>();
    for (Value.Record k : keys) {
      Map<String, AttributeValue> key = key(t, k);
      if (key != null) {
        out.add(key);
      }
    }
    return new ArrayList<>(out);
  }

  /** The item that stores {@code values} (one per column; NULLs left out). */
  static Map<String, AttributeValue> item(TableInfo t, Value[] values) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int c = 0; c < values.length; c++) {
      AttributeValue a = values[c] == null ? null
          : CollectionAttributes.encodeColumn(values[c], t.column(c).nullable());
      if (a != null) {
        item.put(t.attribute(c), a);
      } else if (t.isKey(c)) {
        throw new NotNullViolationException(t.model(), t.fieldName(c),
            "a key field must have a value", null);
      }
    }
    return item;
  }

  /**
   * The record of {@code columns} of {@code item}, decoded by the columns' types. A stored value
   * the field cannot hold (written by another tool: a number beyond a {@code byte}, text that is
   * no date) fails as a {@link ValueOutOfRangeException} naming the model, the field and the
   * record's key, as on SQL backends (the TCK's {@code ValueRangeTest}).
   */
  static Value.Record row(TableInfo t, List<Integer> columns, Map<String, AttributeValue> item) {
    List<Value> out = new ArrayList<>(columns.size());
    for (int c : columns) {
      try {
        out.add(CollectionAttributes.decodeColumn(item.get(t.attribute(c)), t.column(c).type(),
            t.column(c).nullable(), t.qualified(c)));
      } catch (ValueOutOfRangeException | DriverException e) {
        if (e instanceof ValueOutOfRangeException r && r.field().isPresent()) {
          throw e;
        }
        throw unreadable(t, c, item, e);
      }
    }
    return new Value.Record(out);
  }

  private static ValueOutOfRangeException unreadable(TableInfo t, int c,
      Map<String, AttributeValue> item, RuntimeException e) {
    StringBuilder key = new StringBuilder();
    for (int k : t.primaryKey()) {
      AttributeValue a = item.get(t.attribute(k));
      key.append(key.length() > 0 ? ", " : "").append(t.column(k).name()).append(" = ")
          .append(a == null ? "?" : AttributeCodec.decodeUntyped(a, t.qualified(k)).toJava());
    }
    String message = "the stored value cannot be read as the field's type, in the record with "
        + "key " + key;
    // a sensitive field's stored value stays out of the message and its cause
    return t.sensitive(c) ? new ValueOutOfRangeException(t.model(), t.fieldName(c), message, null)
        : new ValueOutOfRangeException(t.model(), t.fieldName(c),
            message + " (" + e.getMessage() + ")", e);
  }

  /**
   * A {@code ProjectionExpression} for {@code columns} (and {@code extra}), or null when that is
   * every column.
   */
  static @Nullable String projection(TableInfo t, Collection<Integer> columns,
      Collection<Integer> extra,
      Placeholders ph) {
    Set<Integer> all = new LinkedHashSet<>(columns);
    all.addAll(extra);
    if (all.size() == t.columnCount()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    all.forEach(c -> names.add(ph.name(t.attribute(c))));
    return String.join(", ", names);
  }
}
