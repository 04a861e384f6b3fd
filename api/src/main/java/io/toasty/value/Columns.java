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
 * One row's columns, read by field position with a getter per Java type, so that a
 * {@link RowReader} builds a record without a {@link Value} per cell. Position {@code i} is the
 * model's field {@code i}; the implementation maps it to the column that holds it (worked out
 * once per statement, not per row).
 *
 * <p>The reference getters return {@code null} for SQL NULL; the primitive getters throw an
 * {@link IllegalArgumentException} for it (a field that is not {@code Optional} cannot hold it),
 * as they do for a value that does not fit the Java type. The conversions are those of
 * {@link Values}: a row reads into the same record through either path.
 */
public interface Columns {

  /** Whether field {@code i} is NULL. */
  boolean isNull(int i);

  boolean bool(int i);

  byte i8(int i);

  short i16(int i);

  int i32(int i);

  long i64(int i);

  float f32(int i);

  double f64(int i);

  @Nullable String str(int i);

  byte @Nullable [] bytes(int i);

  @Nullable UUID uuid(int i);

  @Nullable BigDecimal decimal(int i);

  @Nullable Instant instant(int i);

  @Nullable LocalDate localDate(int i);

  @Nullable LocalTime localTime(int i);

  @Nullable LocalDateTime localDateTime(int i);

  @Nullable OffsetDateTime offsetDateTime(int i);

  /**
   * Field {@code i} as a value of {@code type} ({@link Value#NULL} for SQL NULL), for the few
   * fields a reader needs as values (a relation's key, an include's join key). An implementation
   * may read the column once where this reads it twice (whether NULL, then the getter).
   *
   * @throws IllegalArgumentException when {@code type} is not a scalar or an enum, or the column
   *     does not convert to it
   */
  @SuppressWarnings("NullAway") // the getters return null only for SQL NULL, ruled out above
  default Value value(int i, Type type) {
    if (isNull(i)) {
      return Value.NULL;
    }
    if (type instanceof Type.Enum) {
      return new Value.Str(str(i));
    }
    if (!(type instanceof Type.Scalar s)) {
      throw new IllegalArgumentException("a " + type + " field is not read from a row's columns");
    }
    return switch (s) {
      case BOOL -> bool(i) ? Value.TRUE : Value.FALSE;
      case I8 -> new Value.I8(i8(i));
      case I16 -> new Value.I16(i16(i));
      case I32 -> new Value.I32(i32(i));
      case I64 -> new Value.I64(i64(i));
      case F32 -> new Value.F32(f32(i));
      case F64 -> new Value.F64(f64(i));
      case STRING -> new Value.Str(str(i));
      case BYTES -> new Value.Bytes(bytes(i));
      case UUID -> new Value.Uuid(uuid(i));
      case DECIMAL -> new Value.Decimal(decimal(i));
      case INSTANT -> new Value.Timestamp(instant(i));
      case LOCAL_DATE -> new Value.Date(localDate(i));
      case LOCAL_TIME -> new Value.Time(localTime(i));
      case LOCAL_DATE_TIME -> new Value.DateTime(localDateTime(i));
      case OFFSET_DATE_TIME -> new Value.OffsetDateTimeValue(offsetDateTime(i));
      case NULL, JSON -> throw new IllegalArgumentException(
          "a " + s + " field is not read from a row's columns");
    };
  }
}
