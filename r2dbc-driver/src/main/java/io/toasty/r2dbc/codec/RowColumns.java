package io.toasty.r2dbc.codec;

import io.r2dbc.spi.Row;
import io.toasty.value.Columns;
import io.toasty.value.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * {@link Columns} over the R2DBC row at hand: one instance per statement execution, pointed at
 * each row in turn ({@link #at}), reader field {@code i} read from column {@code fields[i]} with
 * the conversions of {@link ValueCodec#decode} but no {@code Value} in between. Columns are read
 * by index ({@code row.get(int)}): the drivers' class-typed getters refuse some widenings
 * (r2dbc-h2's {@code Long} on an {@code INT}), which the codec does itself.
 */
public final class RowColumns implements Columns {
  private static final String NOT_NULL = "NULL in a field that is not Optional";

  private final int[] fields;
  private Row row;

  /** Columns whose field {@code i} is column {@code fields[i]} of each row. */
  public RowColumns(int[] fields) {
    this.fields = fields;
  }

  /** Points at {@code current}; returns this. */
  public RowColumns at(Row current) {
    this.row = current;
    return this;
  }

  private Object raw(int i) {
    return row.get(fields[i]);
  }

  /** The raw value of a field whose getter returns a primitive, which NULL cannot be. */
  private Object present(int i) {
    Object raw = raw(i);
    if (raw == null) {
      throw new IllegalArgumentException(NOT_NULL);
    }
    return raw;
  }

  @Override
  public boolean isNull(int i) {
    return raw(i) == null;
  }

  @Override
  public boolean bool(int i) {
    Object raw = present(i);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number n && ValueCodec.isIntegral(n)) {
      return n.longValue() != 0;
    }
    throw ValueCodec.mismatch(raw, Type.Scalar.BOOL);
  }

  @Override
  public byte i8(int i) {
    return (byte) ValueCodec.integer(present(i), Byte.MIN_VALUE, Byte.MAX_VALUE, Type.Scalar.I8);
  }

  @Override
  public short i16(int i) {
    return (short) ValueCodec.integer(present(i), Short.MIN_VALUE, Short.MAX_VALUE,
        Type.Scalar.I16);
  }

  @Override
  public int i32(int i) {
    Object raw = present(i);
    return raw instanceof Integer n ? n // the common case, without widening
        : (int) ValueCodec.integer(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, Type.Scalar.I32);
  }

  @Override
  public long i64(int i) {
    Object raw = present(i);
    return raw instanceof Long n ? n
        : ValueCodec.integer(raw, Long.MIN_VALUE, Long.MAX_VALUE, Type.Scalar.I64);
  }

  @Override
  public float f32(int i) {
    return ValueCodec.number(present(i), Type.Scalar.F32).floatValue();
  }

  @Override
  public double f64(int i) {
    return ValueCodec.number(present(i), Type.Scalar.F64).doubleValue();
  }

  @Override
  public String str(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.string(raw, Type.Scalar.STRING);
  }

  @Override
  public byte[] bytes(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.bytes(raw);
  }

  @Override
  public UUID uuid(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.uuid(raw);
  }

  @Override
  public BigDecimal decimal(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.decimal(raw);
  }

  @Override
  public Instant instant(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.instant(raw);
  }

  @Override
  public LocalDate localDate(int i) {
    Object raw = raw(i);
    return raw == null ? null : raw instanceof String t ? LocalDate.parse(t)
        : ValueCodec.as(raw, LocalDate.class, Type.Scalar.LOCAL_DATE);
  }

  @Override
  public LocalTime localTime(int i) {
    Object raw = raw(i);
    return raw == null ? null : raw instanceof OffsetTime t ? t.toLocalTime()
        : raw instanceof String t ? LocalTime.parse(t)
        : ValueCodec.as(raw, LocalTime.class, Type.Scalar.LOCAL_TIME);
  }

  @Override
  public LocalDateTime localDateTime(int i) {
    Object raw = raw(i);
    return raw == null ? null : raw instanceof String t
        ? LocalDateTime.parse(ValueCodec.withT(t))
        : ValueCodec.as(raw, LocalDateTime.class, Type.Scalar.LOCAL_DATE_TIME);
  }

  @Override
  public java.time.OffsetDateTime offsetDateTime(int i) {
    Object raw = raw(i);
    return raw == null ? null : ValueCodec.offsetDateTime(raw);
  }
}
