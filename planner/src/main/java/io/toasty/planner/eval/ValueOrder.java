package io.toasty.planner.eval;

import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The order of two non-null values, as a database would compare them: integers of any width,
 * floats and decimals by number; strings, UUIDs, temporals and bytes by their natural order.
 */
public final class ValueOrder {
  private ValueOrder() {}

  /**
   * Negative, zero or positive as {@code a} sorts before, with, or after {@code b}.
   *
   * @throws IllegalArgumentException naming both values when they cannot be compared
   */
  public static int compare(Value a, Value b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof Value.Str x && b instanceof Value.Str y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
      return Boolean.compare(x.value(), y.value());
    }
    if (a instanceof Value.Uuid x && b instanceof Value.Uuid y) {
      // As databases order UUIDs (their 16 bytes, or their canonical text): unsigned, unlike
      // UUID.compareTo, which compares the two halves as signed longs.
      int c = Long.compareUnsigned(x.value().getMostSignificantBits(),
          y.value().getMostSignificantBits());
      return c != 0 ? c : Long.compareUnsigned(x.value().getLeastSignificantBits(),
          y.value().getLeastSignificantBits());
    }
    if (a instanceof Value.Bytes x && b instanceof Value.Bytes y) {
      return Arrays.compareUnsigned((byte[]) x.toJava(), (byte[]) y.toJava());
    }
    if (a instanceof Value.Record x && b instanceof Value.Record y) {
      return compareRecords(x, y);
    }
    return compareTemporal(a, b);
  }

  private static int compareTemporal(Value a, Value b) {
    if (a instanceof Value.Timestamp x && b instanceof Value.Timestamp y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.Date x && b instanceof Value.Date y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.Time x && b instanceof Value.Time y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.DateTime x && b instanceof Value.DateTime y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.OffsetDateTimeValue x && b instanceof Value.OffsetDateTimeValue y) {
      return x.value().toInstant().compareTo(y.value().toInstant());
    }
    throw new IllegalArgumentException("cannot compare " + a + " with " + b);
  }

  private static int compareRecords(Value.Record x, Value.Record y) {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  /** Whether {@code v} is an integer, float or decimal. */
  public static boolean isNumber(Value v) {
    return isInteger(v) || v instanceof Value.F32 || v instanceof Value.F64
        || v instanceof Value.Decimal;
  }

  /** Whether {@code v} is an integer of some width. */
  public static boolean isInteger(Value v) {
    return v instanceof Value.I8 || v instanceof Value.I16 || v instanceof Value.I32
        || v instanceof Value.I64;
  }

  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  private static int compareNumbers(Value a, Value b) {
    if (isInteger(a) && isInteger(b)) {
      return Long.compare(((Number) a.toJava()).longValue(), ((Number) b.toJava()).longValue());
    }
    return decimal(a).compareTo(decimal(b));
  }

  /** A number value as a BigDecimal. */
  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  public static BigDecimal decimal(Value v) {
    if (v instanceof Value.Decimal d) {
      return d.value();
    }
    if (isInteger(v)) {
      return BigDecimal.valueOf(((Number) v.toJava()).longValue());
    }
    return BigDecimal.valueOf(((Number) v.toJava()).doubleValue());
  }
}
