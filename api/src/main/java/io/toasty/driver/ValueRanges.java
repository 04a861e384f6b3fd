package io.toasty.driver;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The values a backend stores exactly, stated as data so the planner can refuse the others before
 * anything is sent (a {@code ValueOutOfRangeException} naming model and field) instead of letting
 * the database or its driver change them silently. Lone UTF-16 surrogates are refused on every
 * backend whatever these ranges say: no UTF-8 text holds them.
 *
 * @param minInstant        the earliest instant (and offset date-time, at UTC) stored exactly
 * @param maxInstant        the latest such instant
 * @param minDateTime       the earliest local date-time stored exactly
 * @param maxDateTime       the latest local date-time
 * @param minDate           the earliest local date
 * @param maxDate           the latest local date
 * @param maxDecimalDigits  the most significant digits a decimal keeps, 0 for no limit
 * @param maxIntegerDigits  the most digits before the decimal point, 0 for no limit
 * @param maxDecimalScale   the most digits after the decimal point, -1 for no limit
 * @param minDecimalExponent the smallest magnitude's power of ten a non-zero decimal may have
 *                           (DynamoDB: -130), {@code Integer.MIN_VALUE} for no limit
 * @param nonFiniteFloats   whether NaN and the infinities are stored
 * @param negativeZero      whether {@code -0.0} reads back as {@code -0.0} (else refused)
 * @param nulInText         whether text may hold the character U+0000
 * @param maxTextBytes      the longest text in UTF-8 bytes, 0 for no limit to heed
 * @param floatsAsDecimals  whether floats are stored as decimal numbers (DynamoDB's N), so the
 *                          decimal limits above hold for them too
 * @param infinities        whether dates and date-times have values beyond every other
 *                          (PostgreSQL's {@code 'infinity'} and {@code '-infinity'}): read as
 *                          the Java types' own extremes ({@code LocalDate.MAX}/{@code MIN},
 *                          {@code LocalDateTime.MAX}/{@code MIN}, {@code Instant.MAX}/{@code MIN},
 *                          {@code OffsetDateTime.MAX}/{@code MIN}), which are then stored as
 *                          those infinities, so that every value read can be written back
 */
public record ValueRanges(Instant minInstant, Instant maxInstant, LocalDateTime minDateTime,
    LocalDateTime maxDateTime, LocalDate minDate, LocalDate maxDate, int maxDecimalDigits,
    int maxIntegerDigits, int maxDecimalScale, int minDecimalExponent, boolean nonFiniteFloats,
    boolean negativeZero, boolean nulInText, long maxTextBytes, boolean floatsAsDecimals,
    boolean infinities) {

  public ValueRanges {
    Objects.requireNonNull(minInstant, "minInstant");
    Objects.requireNonNull(maxInstant, "maxInstant");
    Objects.requireNonNull(minDateTime, "minDateTime");
    Objects.requireNonNull(maxDateTime, "maxDateTime");
    Objects.requireNonNull(minDate, "minDate");
    Objects.requireNonNull(maxDate, "maxDate");
  }

  /** Ranges without infinities. */
  public ValueRanges(Instant minInstant, Instant maxInstant, LocalDateTime minDateTime,
      LocalDateTime maxDateTime, LocalDate minDate, LocalDate maxDate, int maxDecimalDigits,
      int maxIntegerDigits, int maxDecimalScale, int minDecimalExponent, boolean nonFiniteFloats,
      boolean negativeZero, boolean nulInText, long maxTextBytes, boolean floatsAsDecimals) {
    this(minInstant, maxInstant, minDateTime, maxDateTime, minDate, maxDate, maxDecimalDigits,
        maxIntegerDigits, maxDecimalScale, minDecimalExponent, nonFiniteFloats, negativeZero,
        nulInText, maxTextBytes, floatsAsDecimals, false);
  }

  /**
   * Whether {@code t}, an {@code Instant}, {@code OffsetDateTime}, {@code LocalDate} or
   * {@code LocalDateTime}, is a date or time these ranges hold: within them, or one of the Java
   * extremes held as an infinity; true for an object of any other type.
   */
  public boolean holdsTime(Object t) {
    if (t instanceof Instant i) {
      return within(i, minInstant, maxInstant) || infinity(i);
    } else if (t instanceof OffsetDateTime o) {
      if (infinity(o)) {
        return true;
      }
      try {
        return within(o.toInstant(), minInstant, maxInstant);
      } catch (DateTimeException beyondInstants) {
        return false;
      }
    } else if (t instanceof LocalDateTime d) {
      return within(d, minDateTime, maxDateTime) || infinity(d);
    } else if (t instanceof LocalDate d) {
      return within(d, minDate, maxDate) || infinity(d);
    }
    return true;
  }

  /** Whether {@code t} is a Java extreme that these ranges store as an infinity. */
  public boolean infinity(Object t) {
    return infinities && (t.equals(Instant.MAX) || t.equals(Instant.MIN)
        || t.equals(LocalDate.MAX) || t.equals(LocalDate.MIN) || t.equals(LocalDateTime.MAX)
        || t.equals(LocalDateTime.MIN) || t.equals(OffsetDateTime.MAX)
        || t.equals(OffsetDateTime.MIN));
  }

  private static <T extends Comparable<? super T>> boolean within(T v, T min, T max) {
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  /** Years 0000 to 9999: what fixed-width ISO-8601 text sorts correctly for. */
  private static final LocalDateTime FOUR_DIGIT_MIN = LocalDateTime.of(0, 1, 1, 0, 0);
  private static final LocalDateTime FOUR_DIGIT_MAX =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

  /** Everything Java's types hold: no range to heed but the surrogates'. */
  public static final ValueRanges UNLIMITED = new ValueRanges(Instant.MIN, Instant.MAX,
      LocalDateTime.MIN, LocalDateTime.MAX, LocalDate.MIN, LocalDate.MAX, 0, 0, -1,
      Integer.MIN_VALUE, true, true, true, 0, false);

  /**
   * PostgreSQL: {@code timestamptz} and {@code timestamp} hold 4713 BC (ISO year -4712) to
   * 294276 AD, {@code date} 4713 BC to 5874897 AD, and all three {@code 'infinity'} and
   * {@code '-infinity'} (the Java extremes); {@code numeric} up to 131072 digits before the
   * point and 16383 after; {@code text} holds no NUL; floats keep NaN, infinities and -0.
   */
  public static final ValueRanges POSTGRESQL = new ValueRanges(
      Instant.parse("-4712-01-01T00:00:00Z"), Instant.parse("+294276-12-31T23:59:59.999999999Z"),
      LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_999),
      LocalDate.of(-4712, 1, 1), LocalDate.of(5874897, 12, 31), 0, 131072, 16383,
      Integer.MIN_VALUE, true, true, false, 0, false, true);

  /**
   * MariaDB and MySQL: {@code DATETIME(6)} and {@code DATE} hold years 1 to 9999 (1000 to 9999
   * is their documented "supported" range, but earlier dates are stored and compared exactly;
   * year 0 is their zero date); {@code DECIMAL(65, 30)} keeps 35 digits before the point and 30 after;
   * {@code DOUBLE} holds neither NaN nor the infinities, and {@code -0.0} reads back as 0.
   */
  public static final ValueRanges MYSQL = new ValueRanges(
      Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
      LocalDateTime.of(1, 1, 1, 0, 0), FOUR_DIGIT_MAX, LocalDate.of(1, 1, 1),
      LocalDate.of(9999, 12, 31), 65, 35, 30, Integer.MIN_VALUE, false, false, true, 0, false);

  /**
   * H2: its date-times hold years -999999999 to 999999999 as Java's local ones do (not
   * {@code Instant.MIN}/{@code MAX}, a year further out); {@code DECFLOAT} keeps 100000 digits;
   * {@code -0.0} reads back as {@code 0.0}.
   */
  public static final ValueRanges H2 = new ValueRanges(
      LocalDateTime.MIN.toInstant(ZoneOffset.UTC),
      LocalDateTime.MAX.toInstant(ZoneOffset.UTC), LocalDateTime.MIN,
      LocalDateTime.MAX, LocalDate.MIN, LocalDate.MAX, 100_000, 0, -1, Integer.MIN_VALUE, true,
      false, true, 0, false);

  /**
   * SQLite: date-times are ISO-8601 text, compared as text, so only years 0000 to 9999 (fixed
   * width) compare as times do; {@code REAL} stores NaN as NULL and {@code -0.0} as 0.
   */
  public static final ValueRanges SQLITE = new ValueRanges(
      FOUR_DIGIT_MIN.toInstant(ZoneOffset.UTC),
      FOUR_DIGIT_MAX.toInstant(ZoneOffset.UTC), FOUR_DIGIT_MIN, FOUR_DIGIT_MAX,
      FOUR_DIGIT_MIN.toLocalDate(), FOUR_DIGIT_MAX.toLocalDate(), 0, 0, -1, Integer.MIN_VALUE,
      false, false, true, 0, false);

  /**
   * DynamoDB: numbers keep 38 significant digits, magnitudes 1E-130 to below 1E126, no NaN,
   * infinities or -0; times are fixed-width text (years 0000 to 9999) so that they sort; an item
   * holds 400 KB.
   */
  public static final ValueRanges DYNAMODB = new ValueRanges(
      FOUR_DIGIT_MIN.toInstant(ZoneOffset.UTC),
      FOUR_DIGIT_MAX.toInstant(ZoneOffset.UTC), FOUR_DIGIT_MIN, FOUR_DIGIT_MAX,
      FOUR_DIGIT_MIN.toLocalDate(), FOUR_DIGIT_MAX.toLocalDate(), 38, 126, -1, -130, false, false,
      true, 400 * 1024, true);
}
