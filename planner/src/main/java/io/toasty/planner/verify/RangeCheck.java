package io.toasty.planner.verify;

import io.toasty.driver.ValueRanges;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a value fits a backend's {@link ValueRanges}: the value's problem in words, or null when
 * it fits. Lone UTF-16 surrogates are a problem everywhere: UTF-8 cannot hold them, and drivers
 * replace them with {@code ?} silently.
 */
public final class RangeCheck {
  private RangeCheck() {}

  /** The problem of storing {@code v} where {@code ranges} hold, or null if there is none. */
  @SuppressWarnings("NullAway") // a time Value's toJava() is its java.time value
  public static @Nullable String problem(Value v, ValueRanges ranges) {
    if (v instanceof Value.Str s) {
      return text(s.value(), ranges);
    } else if (v instanceof Value.F32 f) {
      return floating(f.value(), Float.isNaN(f.value()) || Float.isInfinite(f.value()), ranges);
    } else if (v instanceof Value.F64 d) {
      return floating(d.value(), Double.isNaN(d.value()) || Double.isInfinite(d.value()), ranges);
    } else if (v instanceof Value.Decimal d) {
      return decimal(d.value(), ranges);
    } else if (v instanceof Value.Timestamp t) {
      return ranges.holdsTime(v.toJava()) ? null : outside(t.value(), ranges.minInstant(),
          ranges.maxInstant());
    } else if (v instanceof Value.OffsetDateTimeValue t) {
      return ranges.holdsTime(v.toJava()) ? null : outside(t.value(), ranges.minInstant(),
          ranges.maxInstant());
    } else if (v instanceof Value.DateTime t) {
      return ranges.holdsTime(v.toJava()) ? null : outside(t.value(), ranges.minDateTime(),
          ranges.maxDateTime());
    } else if (v instanceof Value.Date d) {
      return ranges.holdsTime(v.toJava()) ? null : outside(d.value(), ranges.minDate(),
          ranges.maxDate());
    } else if (v instanceof Value.ListValue || v instanceof Value.Items
        || v instanceof Value.Entries) {
      List<Value> items = v instanceof Value.ListValue l ? l.items()
          : v instanceof Value.Items i ? i.items()
          : new ArrayList<>(((Value.Entries) v).entries().keySet().stream()
              .map(k -> (Value) new Value.Str(k)).toList());
      if (v instanceof Value.Entries e) {
        items.addAll(e.entries().values());
      }
      for (Value item : items) {
        String p = problem(item, ranges);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static @Nullable String text(String s, ValueRanges ranges) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "the text holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(c)
            + " at index " + i + "), which no UTF-8 text can store";
      } else if (c == 0 && !ranges.nulInText()) {
        return "the text holds the character U+0000 (at index " + i
            + "), which this backend's text cannot store";
      }
    }
    if (ranges.maxTextBytes() > 0 && (long) s.length() > ranges.maxTextBytes() / 3) {
      long bytes = s.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > ranges.maxTextBytes()) {
        return "the text is " + bytes + " bytes in UTF-8, more than this backend's "
            + ranges.maxTextBytes();
      }
    }
    return null;
  }

  private static @Nullable String floating(double d, boolean nonFinite, ValueRanges ranges) {
    if (nonFinite && !ranges.nonFiniteFloats()) {
      return d + " is not a finite number, which this backend cannot store";
    }
    if (d == 0 && Double.doubleToRawLongBits(d) != 0 && !ranges.negativeZero()) {
      return "-0.0 would read back as 0.0 on this backend";
    }
    if (ranges.floatsAsDecimals() && !nonFinite) {
      return decimal(new BigDecimal(Double.toString(d)), ranges);
    }
    return null;
  }

  private static @Nullable String decimal(BigDecimal d, ValueRanges ranges) {
    BigDecimal n = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    int scale = Math.max(n.scale(), 0);
    int integerDigits = Math.max(n.precision() - n.scale(), 0);
    if (ranges.maxDecimalScale() >= 0 && scale > ranges.maxDecimalScale()) {
      return d + " has " + scale + " digits after the point; this backend keeps "
          + ranges.maxDecimalScale();
    }
    if (ranges.maxIntegerDigits() > 0 && integerDigits > ranges.maxIntegerDigits()) {
      return d + " has " + integerDigits + " digits before the point; this backend keeps "
          + ranges.maxIntegerDigits();
    }
    if (ranges.maxDecimalDigits() > 0 && n.precision() > ranges.maxDecimalDigits()) {
      return d + " has " + n.precision() + " significant digits; this backend keeps "
          + ranges.maxDecimalDigits();
    }
    if (n.signum() != 0 && n.precision() - n.scale() - 1 < ranges.minDecimalExponent()) {
      return d + " is smaller in magnitude than 1E" + ranges.minDecimalExponent()
          + ", this backend's least";
    }
    return null;
  }

  private static String outside(Object v, Object min, Object max) {
    return v + " is outside this backend's range " + min + " to " + max;
  }
}
