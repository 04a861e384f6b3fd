package io.toasty.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link Columns} over a decoded row of values: what a driver without typed reading (and the
 * engine's value path) hands a {@link RowReader}. Field {@code i} is the row's value at
 * {@code fields[i]}.
 */
public final class ValueColumns implements Columns {
  private final Value.Record row;
  private final int[] fields;

  /** Columns over {@code row}, field {@code i} at position {@code fields[i]}. */
  public ValueColumns(Value.Record row, int[] fields) {
    this.row = row;
    this.fields = fields;
  }

  private Value at(int i) {
    return row.get(fields[i]);
  }

  /** The value of a primitive field, which cannot be NULL. */
  private Value present(int i) {
    Value v = at(i);
    if (v.isNull()) {
      throw new IllegalArgumentException("NULL in a field that is not Optional");
    }
    return v;
  }

  @Override
  public boolean isNull(int i) {
    return at(i).isNull();
  }

  /** The row's own value: it was decoded as the column's type already. */
  @Override
  public Value value(int i, Type type) {
    return at(i);
  }

  @Override
  public boolean bool(int i) {
    return Values.asBoolean(present(i));
  }

  @Override
  public byte i8(int i) {
    return Values.asByte(present(i));
  }

  @Override
  public short i16(int i) {
    return Values.asShort(present(i));
  }

  @Override
  public int i32(int i) {
    return Values.asInt(present(i));
  }

  @Override
  public long i64(int i) {
    return Values.asLong(present(i));
  }

  @Override
  public float f32(int i) {
    return Values.asFloat(present(i));
  }

  @Override
  public double f64(int i) {
    return Values.asDouble(present(i));
  }

  @Override
  public @Nullable String str(int i) {
    return isNull(i) ? null : Values.asString(at(i));
  }

  @Override
  public byte @Nullable [] bytes(int i) {
    return isNull(i) ? null : Values.asBytes(at(i));
  }

  @Override
  public @Nullable UUID uuid(int i) {
    return isNull(i) ? null : Values.asUuid(at(i));
  }

  @Override
  public @Nullable BigDecimal decimal(int i) {
    return isNull(i) ? null : Values.asDecimal(at(i));
  }

  @Override
  public @Nullable Instant instant(int i) {
    return isNull(i) ? null : Values.asInstant(at(i));
  }

  @Override
  public @Nullable LocalDate localDate(int i) {
    return isNull(i) ? null : Values.asLocalDate(at(i));
  }

  @Override
  public @Nullable LocalTime localTime(int i) {
    return isNull(i) ? null : Values.asLocalTime(at(i));
  }

  @Override
  public @Nullable LocalDateTime localDateTime(int i) {
    return isNull(i) ? null : Values.asLocalDateTime(at(i));
  }

  @Override
  public @Nullable OffsetDateTime offsetDateTime(int i) {
    return isNull(i) ? null : Values.asOffsetDateTime(at(i));
  }
}
