package io.toasty.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

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

  String str(int i);

  byte[] bytes(int i);

  UUID uuid(int i);

  BigDecimal decimal(int i);

  Instant instant(int i);

  LocalDate localDate(int i);

  LocalTime localTime(int i);

  LocalDateTime localDateTime(int i);

  OffsetDateTime offsetDateTime(int i);
}
