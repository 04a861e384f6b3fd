package io.toasty.value;

import io.toasty.error.JsonFieldException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Conversions from {@link Value} to the Java types of model fields, used by generated loaders.
 *
 * <p>Numbers are widened or narrowed here rather than trusted to a driver: R2DBC drivers return
 * {@code Integer} for {@code INT} columns whatever the field's width. A narrowing that would lose
 * information fails with {@link IllegalArgumentException} naming the value.
 */
public final class Values {
  private Values() {}

  public static boolean asBoolean(Value v) {
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    if (isIntegral(v)) {
      return longOf(v) != 0;
    }
    throw mismatch(v, "boolean");
  }

  public static byte asByte(Value v) {
    long l = longOf(v);
    if (l != (byte) l) {
      throw new IllegalArgumentException("value " + l + " does not fit a byte");
    }
    return (byte) l;
  }

  public static short asShort(Value v) {
    long l = longOf(v);
    if (l != (short) l) {
      throw new IllegalArgumentException("value " + l + " does not fit a short");
    }
    return (short) l;
  }

  public static int asInt(Value v) {
    return Math.toIntExact(longOf(v));
  }

  public static long asLong(Value v) {
    return longOf(v);
  }

  public static float asFloat(Value v) {
    return (float) asDouble(v);
  }

  public static double asDouble(Value v) {
    if (v instanceof Value.F64 d) {
      return d.value();
    }
    if (v instanceof Value.F32 f) {
      return f.value();
    }
    if (v instanceof Value.Decimal d) {
      return d.value().doubleValue();
    }
    if (isIntegral(v)) {
      return longOf(v);
    }
    throw mismatch(v, "double");
  }

  public static String asString(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw mismatch(v, "String");
  }

  public static byte[] asBytes(Value v) {
    if (v instanceof Value.Bytes b) {
      return b.toJava() instanceof byte[] a ? a : new byte[0];
    }
    throw mismatch(v, "byte[]");
  }

  public static UUID asUuid(Value v) {
    if (v instanceof Value.Uuid u) {
      return u.value();
    }
    if (v instanceof Value.Str s) {
      return UUID.fromString(s.value());
    }
    throw mismatch(v, "UUID");
  }

  public static BigDecimal asDecimal(Value v) {
    if (v instanceof Value.Decimal d) {
      return d.value();
    }
    if (isIntegral(v)) {
      return BigDecimal.valueOf(longOf(v));
    }
    if (v instanceof Value.F64 d) {
      return BigDecimal.valueOf(d.value());
    }
    if (v instanceof Value.Str s) {
      return new BigDecimal(s.value());
    }
    throw mismatch(v, "BigDecimal");
  }

  public static Instant asInstant(Value v) {
    if (v instanceof Value.Timestamp t) {
      return t.value();
    }
    if (v instanceof Value.OffsetDateTimeValue t) {
      return t.value().toInstant();
    }
    if (v instanceof Value.DateTime t) {
      return t.value().toInstant(ZoneOffset.UTC);
    }
    throw mismatch(v, "Instant");
  }

  public static LocalDate asLocalDate(Value v) {
    if (v instanceof Value.Date d) {
      return d.value();
    }
    throw mismatch(v, "LocalDate");
  }

  public static LocalTime asLocalTime(Value v) {
    if (v instanceof Value.Time t) {
      return t.value();
    }
    throw mismatch(v, "LocalTime");
  }

  public static LocalDateTime asLocalDateTime(Value v) {
    if (v instanceof Value.DateTime t) {
      return t.value();
    }
    throw mismatch(v, "LocalDateTime");
  }

  public static OffsetDateTime asOffsetDateTime(Value v) {
    if (v instanceof Value.OffsetDateTimeValue t) {
      return t.value();
    }
    if (v instanceof Value.Timestamp t) {
      return t.value().atOffset(ZoneOffset.UTC);
    }
    throw mismatch(v, "OffsetDateTime");
  }

  /** The enum constant named by a string value. */
  public static <E extends Enum<E>> E asEnum(Value v, Class<E> type) {
    return asEnum(asString(v), type);
  }

  /** The enum constant {@code name} names (a row reader's column, read as a string). */
  public static <E extends Enum<E>> E asEnum(String name, Class<E> type) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a constant of enum " + type.getName(), e);
    }
  }

  /**
   * The object of declared type {@code type} that a {@code @Json} field's document holds, read
   * with the codec the engine attached to it.
   *
   * @throws JsonFieldException naming {@code model} and {@code field} when it does not
   *     map to the type
   */
  @SuppressWarnings("unchecked")
  public static <T> T asJson(Value v, java.lang.reflect.Type type, String model, String field) {
    if (!(v instanceof Value.Json json)) {
      throw mismatch(v, "JSON");
    }
    try {
      return (T) json.read(type);
    } catch (Exception e) {
      throw new JsonFieldException(model, field, "cannot read the stored JSON as "
          + type.getTypeName() + ": " + e.getMessage(), e);
    }
  }

  private static boolean isIntegral(Value v) {
    return v instanceof Value.I8 || v instanceof Value.I16 || v instanceof Value.I32
        || v instanceof Value.I64;
  }

  private static long longOf(Value v) {
    if (v instanceof Value.I64 l) {
      return l.value();
    }
    if (v instanceof Value.I32 i) {
      return i.value();
    }
    if (v instanceof Value.I16 s) {
      return s.value();
    }
    if (v instanceof Value.I8 b) {
      return b.value();
    }
    if (v instanceof Value.Decimal d) {
      return d.value().longValueExact();
    }
    if (v instanceof Value.Bool b) {
      return b.value() ? 1 : 0;
    }
    throw mismatch(v, "integer");
  }

  private static IllegalArgumentException mismatch(Value v, String target) {
    return new IllegalArgumentException("cannot read " + v + " as " + target);
  }
}
