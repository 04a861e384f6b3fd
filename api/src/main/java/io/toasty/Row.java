package io.toasty;

import io.toasty.value.Value;
import io.toasty.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One row of a raw SQL query ({@code db.sql(..).rows()}): its column labels and values, read with
 * typed getters that convert as records' fields do (numbers widen and narrow when they fit).
 *
 * <pre>{@code
 * db.sql("SELECT name, login_count FROM users WHERE email = :email").bind("email", e).rows()
 *     .map(row -> row.get("name", String.class) + ": " + row.get("login_count", Integer.class))
 * }</pre>
 */
public final class Row {
  private static final Map<Class<?>, Function<Value, Object>> READERS = Map.ofEntries(
      Map.entry(Boolean.class, Values::asBoolean), Map.entry(Byte.class, Values::asByte),
      Map.entry(Short.class, Values::asShort), Map.entry(Integer.class, Values::asInt),
      Map.entry(Long.class, Values::asLong), Map.entry(Float.class, Values::asFloat),
      Map.entry(Double.class, Values::asDouble), Map.entry(String.class, Values::asString),
      Map.entry(byte[].class, Values::asBytes), Map.entry(UUID.class, Values::asUuid),
      Map.entry(BigDecimal.class, Values::asDecimal), Map.entry(Instant.class, Values::asInstant),
      Map.entry(LocalDate.class, Values::asLocalDate),
      Map.entry(LocalTime.class, Values::asLocalTime),
      Map.entry(LocalDateTime.class, Values::asLocalDateTime),
      Map.entry(OffsetDateTime.class, Values::asOffsetDateTime),
      Map.entry(Value.class, v -> v), Map.entry(Object.class, Value::toJava));

  private final List<String> columns;
  private final List<Value> values;

  /** A row of {@code values} under the labels {@code columns}. */
  public Row(List<String> columns, List<Value> values) {
    this.columns = List.copyOf(columns);
    this.values = List.copyOf(values);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(columns.size() + " labels for " + values.size()
          + " values");
    }
  }

  /**
   * The row a driver answers a raw statement with: a record of {@code (labels, values)}, the
   * labels a record of strings (see {@code Operation.RawSql}).
   */
  static Row ofLabelled(Value.Record labelled) {
    List<String> labels = ((Value.Record) labelled.fields().get(0)).fields().stream()
        .map(Values::asString).toList();
    return new Row(labels, ((Value.Record) labelled.fields().get(1)).fields());
  }

  /** The column labels, as the database reported them. */
  public List<String> columns() {
    return columns;
  }

  /** The values, in column order. */
  public List<Value> values() {
    return values;
  }

  /**
   * The value of the column labelled {@code column} (ignoring case, as SQL does for unquoted
   * names) as {@code type}: a boxed primitive, String, byte[], UUID, BigDecimal, a java.time
   * type, an enum, {@link Value} or Object. A NULL is {@code null}.
   *
   * @throws IllegalArgumentException naming the column if there is none of that label, or the
   *     value does not convert to {@code type}
   */
  public <T> @Nullable T get(String column, Class<T> type) {
    return get(indexOf(column), type);
  }

  /** Column {@code index} (0-based) as {@code type}; see {@link #get(String, Class)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> @Nullable T get(int index, Class<T> type) {
    Objects.requireNonNull(type, "type");
    Value v = values.get(Objects.checkIndex(index, values.size()));
    if (v.isNull()) {
      return null;
    }
    try {
      if (type.isEnum()) {
        return (T) Values.asEnum(v, (Class) type);
      }
      Function<Value, Object> reader = READERS.get(type);
      if (reader == null) {
        throw new IllegalArgumentException("cannot read a column as " + type.getName());
      }
      return type.cast(reader.apply(v));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("column " + columns.get(index) + ": " + e.getMessage(),
          e);
    }
  }

  private int indexOf(String column) {
    Objects.requireNonNull(column, "column");
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column labelled " + column + " in " + columns);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Row r && r.columns.equals(columns) && r.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, values);
  }

  @Override
  public String toString() {
    return "Row" + columns + values;
  }
}
