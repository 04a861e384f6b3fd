package io.toasty.r2dbc.codec;

import io.r2dbc.spi.Row;
import io.toasty.driver.ValueRanges;
import io.toasty.sql.codec.ValueConversion;
import io.toasty.value.Columns;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link Columns} over the R2DBC row at hand: one instance per statement execution, pointed at
 * each row in turn ({@link #at}), reader field {@code i} read from column {@code fields[i]} with
 * the conversions of {@link ValueCodec#decode} but no {@code Value} in between. Columns are read
 * by index as the driver's own Java type ({@code row.get(int, Object.class)}, what
 * {@code row.get(int)} calls): the drivers' class-typed getters refuse some widenings (r2dbc-h2's
 * {@code Long} on an {@code INT}), which the codec does itself.
 *
 * <p>Each getter calls the driver itself, with no helper in between, because the depth matters:
 * r2dbc-h2 walks its codec list with an iterator on every {@code get}, which the JIT removes only
 * when it inlines the whole walk into the compiled row loop, and the loop already sits some ten
 * calls deep (reactor's {@code onNext}, the mapper, the generated reader). One helper more and
 * the iterator's constructor fell past the inlining depth ({@code MaxInlineLevel}, 15): 32 bytes
 * per cell, 13 % of Toasty's bytes on a 10,000-row list (docs/design/performance.md).
 */
public final class RowColumns implements Columns {
  private static final String NOT_NULL = "NULL in a field that is not Optional";

  private final int[] fields;
  /**
   * The class each field's column is asked for: {@code Object} until the column gave a
   * {@code String}, {@code Integer} or {@code Long}, then that class where the dialect
   * {@link io.toasty.sql.dialect.SqlDialect#readsColumnsByType reads columns by type}. Why:
   * r2dbc-h2 walks its codec list for the first codec that accepts the requested class and the
   * column's SQL type; asked for {@code Object}, every codec accepts the class and each checks
   * the SQL type, so a string column passed ten checks a cell (17–22 % of a 10,000-row list on
   * H2, docs/design/performance.md); asked for its own class, the others fail on the
   * class at once. A column keeps its SQL type for the whole result, so its class is learnt from
   * the first row that has a value.
   */
  private final Class<?>[] asked;
  private final boolean byType;
  /** What the backend stores: a date or time read outside it is refused (ValueConversion.time). */
  private final ValueRanges ranges;
  private Row row;
  /**
   * Once {@link #value} was asked for (a relation's key, an include's join key, which are also
   * fields): each column's raw value as read for this row, so that a column is read from the
   * driver once per row (PostgreSQL's {@code get} slices the buffer and boxes on every call).
   * Null until then: a reader of plain fields reads each column once anyway.
   */
  private Object[] raws;
  /** The row number each of {@link #raws} was read at. */
  private int[] readAt;
  /**
   * Each column's value as {@link #value} last made it (a key read twice in a row: one value),
   * kept for the next rows while the column's raw value stays equal to {@link #madeFrom}'s: the
   * rows of one key often come one after another (the children of one parent), and a join key
   * or a relation's key would otherwise be a new value per row.
   */
  private Value[] values;
  /** The raw value each of {@link #values} was made from. */
  private Object[] madeFrom;
  /** The row number each of {@link #values} was made at. */
  private int[] madeAt;
  private int rowNo;

  /**
   * Columns whose field {@code i} is column {@code fields[i]} of each row; {@code byType}: the
   * driver is asked for each column's own class once a row showed it (see {@link #asked}).
   */
  public RowColumns(int[] fields, boolean byType) {
    this(fields, byType, ValueRanges.UNLIMITED);
  }

  /** {@link #RowColumns(int[], boolean)} of a backend that stores the dates {@code ranges} hold. */
  // row is set by at(..) before a read, the caches on the first value(..)
  @SuppressWarnings("NullAway.Init")
  public RowColumns(int[] fields, boolean byType, ValueRanges ranges) {
    this.fields = fields;
    this.byType = byType;
    this.ranges = ranges;
    this.asked = new Class<?>[fields.length];
    Arrays.fill(asked, Object.class);
  }

  /** Points at {@code current}; returns this. */
  public RowColumns at(Row current) {
    this.row = current;
    rowNo++;
    return this;
  }

  /** Field {@code i}'s column as read once for this row. */
  private Object memo(int i) {
    int c = fields[i];
    if (readAt[c] != rowNo) {
      raws[c] = row.get(c, Object.class);
      readAt[c] = rowNo;
    }
    return raws[c];
  }

  /**
   * Field {@code i}'s column gave a {@code type}: ask for it by that class from the next row on,
   * where reading by type is on; called after the driver returned, as {@link #present} is.
   */
  private void learn(int i, Class<?> type) {
    if (byType) {
      asked[i] = type;
    }
  }

  /** A NULL where the field's getter returns a primitive, which cannot hold it. */
  private static IllegalArgumentException nullInPrimitive() {
    return new IllegalArgumentException(NOT_NULL);
  }

  /**
   * {@code raw}, which a primitive getter's slow path (a widening) is about to convert; called
   * after the driver returned, so it adds no depth to the driver's inlined walk.
   */
  private static Object present(@Nullable Object raw) {
    if (raw == null) {
      throw nullInPrimitive();
    }
    return raw;
  }

  @Override
  public boolean isNull(int i) {
    return (raws == null ? row.get(fields[i], Object.class) : memo(i)) == null;
  }

  /** One read of the column for the usual key types; the getters' conversions for the rest. */
  @Override
  public Value value(int i, Type type) {
    if (raws == null) {
      int columns = 0;
      for (int c : fields) {
        columns = Math.max(columns, c + 1);
      }
      raws = new Object[columns];
      readAt = new int[columns];
      values = new Value[columns];
      madeFrom = new Object[columns];
      madeAt = new int[columns];
      Arrays.fill(readAt, rowNo - 1); // none read for this row yet
      Arrays.fill(madeAt, rowNo - 1);
    }
    int c = fields[i];
    Value made = values[c];
    boolean sameType = made != null && made.type() == type;
    if (sameType && madeAt[c] == rowNo) {
      return made;
    }
    Object raw = memo(i);
    if (sameType && raw != null && raw.equals(madeFrom[c])) {
      madeAt[c] = rowNo;
      return made;
    }
    made = valueOf(raw, i, type);
    values[c] = made;
    madeFrom[c] = raw;
    madeAt[c] = rowNo;
    return made;
  }

  private Value valueOf(@Nullable Object raw, int i, Type type) {
    if (raw == null) {
      return Value.NULL;
    }
    if (type == Type.Scalar.I64 && raw instanceof Long n) {
      return new Value.I64(n);
    }
    if (type == Type.Scalar.I32 && raw instanceof Integer n) {
      return new Value.I32(n);
    }
    if (type == Type.Scalar.STRING && raw instanceof String text) {
      return new Value.Str(text);
    }
    return Columns.super.value(i, type);
  }

  @Override
  public boolean bool(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number n && ValueConversion.isIntegral(n)) {
      return n.longValue() != 0;
    }
    throw raw == null ? nullInPrimitive() : ValueConversion.mismatch(raw, Type.Scalar.BOOL);
  }

  @Override
  public byte i8(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return (byte) ValueConversion.integer(present(raw), Byte.MIN_VALUE, Byte.MAX_VALUE,
        Type.Scalar.I8);
  }

  @Override
  public short i16(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return (short) ValueConversion.integer(present(raw), Short.MIN_VALUE, Short.MAX_VALUE,
        Type.Scalar.I16);
  }

  @Override
  public int i32(int i) {
    Object raw = raws == null ? row.get(fields[i], asked[i]) : memo(i);
    if (raw instanceof Integer n) { // the common case, without widening
      learn(i, Integer.class);
      return n;
    }
    return (int) ValueConversion.integer(present(raw), Integer.MIN_VALUE, Integer.MAX_VALUE,
        Type.Scalar.I32);
  }

  @Override
  public long i64(int i) {
    Object raw = raws == null ? row.get(fields[i], asked[i]) : memo(i);
    if (raw instanceof Long n) {
      learn(i, Long.class);
      return n;
    }
    return ValueConversion.integer(present(raw), Long.MIN_VALUE, Long.MAX_VALUE, Type.Scalar.I64);
  }

  @Override
  public float f32(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return ValueConversion.number(present(raw), Type.Scalar.F32).floatValue();
  }

  @Override
  public double f64(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return ValueConversion.number(present(raw), Type.Scalar.F64).doubleValue();
  }

  @Override
  public @Nullable String str(int i) {
    Object raw = raws == null ? row.get(fields[i], asked[i]) : memo(i);
    if (raw instanceof String text) {
      learn(i, String.class);
      return text;
    }
    return raw == null ? null : ValueConversion.string(raw, Type.Scalar.STRING);
  }

  @Override
  public byte @Nullable [] bytes(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null : ValueConversion.bytes(raw);
  }

  @Override
  public @Nullable UUID uuid(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null : ValueConversion.uuid(raw);
  }

  @Override
  public @Nullable BigDecimal decimal(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null : ValueConversion.decimal(raw);
  }

  @Override
  public @Nullable Instant instant(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null
        : (Instant) ValueConversion.time(raw, Type.Scalar.INSTANT, ranges);
  }

  @Override
  public @Nullable LocalDate localDate(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null
        : (LocalDate) ValueConversion.time(raw, Type.Scalar.LOCAL_DATE, ranges);
  }

  @Override
  public @Nullable LocalTime localTime(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null : raw instanceof OffsetTime t ? t.toLocalTime()
        : raw instanceof String t ? LocalTime.parse(t)
        : ValueConversion.as(raw, LocalTime.class, Type.Scalar.LOCAL_TIME);
  }

  @Override
  public @Nullable LocalDateTime localDateTime(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null
        : (LocalDateTime) ValueConversion.time(raw, Type.Scalar.LOCAL_DATE_TIME, ranges);
  }

  @Override
  public @Nullable OffsetDateTime offsetDateTime(int i) {
    Object raw = raws == null ? row.get(fields[i], Object.class) : memo(i);
    return raw == null ? null
        : (OffsetDateTime) ValueConversion.time(raw, Type.Scalar.OFFSET_DATE_TIME, ranges);
  }
}
