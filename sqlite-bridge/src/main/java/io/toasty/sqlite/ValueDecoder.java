package io.toasty.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads a stored value ({@code Long}, {@code Double}, {@code String}, {@code byte[]} or
 * {@code null}) as the class a caller asks for, refusing what does not fit rather than
 * truncating.
 *
 * <table>
 *   <caption>What each class is read from</caption>
 *   <tr><th>asked for</th><th>read from</th></tr>
 *   <tr><td>Object</td><td>the stored value as it is</td></tr>
 *   <tr><td>Long, Integer, Short, Byte</td><td>INTEGER in range; REAL with no fraction; TEXT
 *       of an integer</td></tr>
 *   <tr><td>Boolean</td><td>INTEGER 0 or 1; TEXT {@code true} / {@code false}</td></tr>
 *   <tr><td>Double, Float</td><td>REAL, INTEGER, TEXT of a number</td></tr>
 *   <tr><td>BigDecimal, BigInteger, Number</td><td>INTEGER, REAL, TEXT of a number</td></tr>
 *   <tr><td>String</td><td>TEXT; INTEGER and REAL as their decimal text</td></tr>
 *   <tr><td>byte[], ByteBuffer, Blob</td><td>BLOB</td></tr>
 *   <tr><td>Clob</td><td>TEXT</td></tr>
 *   <tr><td>UUID</td><td>BLOB of 16 bytes; TEXT in the 8-4-4-4-12 form</td></tr>
 *   <tr><td>LocalDate, LocalTime, LocalDateTime</td><td>ISO-8601 TEXT; a space instead of
 *       {@code T} is accepted ({@code CURRENT_TIMESTAMP})</td></tr>
 *   <tr><td>OffsetDateTime, ZonedDateTime, Instant, OffsetTime</td><td>ISO-8601 TEXT; text
 *       without an offset is taken as UTC</td></tr>
 *   <tr><td>an Enum</td><td>TEXT of a constant's name</td></tr>
 * </table>
 */
final class ValueDecoder {
  private static final Map<Class<?>, Class<?>> BOXES = Map.of(long.class, Long.class,
      int.class, Integer.class, short.class, Short.class, byte.class, Byte.class,
      boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class,
      char.class, Character.class);

  private ValueDecoder() {}

  /**
   * {@code value} as {@code type}; {@code null} stays {@code null}.
   *
   * @throws IllegalArgumentException naming {@code column} when the value does not convert
   */
  static <T> @Nullable T decode(@Nullable Object value, Class<T> type, String column) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    if (value == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Class<T> boxed = (Class<T>) BOXES.getOrDefault(type, type);
    if (boxed.isInstance(value)) {
      return boxed.cast(value);
    }
    try {
      Object converted = convert(value, boxed);
      if (converted != null) {
        return boxed.cast(converted);
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw mismatch(value, type, column, e);
    }
    throw mismatch(value, type, column, null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static @Nullable Object convert(Object value, Class<?> type) {
    if (type == Long.class) {
      return integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type == Integer.class) {
      Long l = integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      return l == null ? null : l.intValue();
    } else if (type == Short.class) {
      Long l = integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
      return l == null ? null : l.shortValue();
    } else if (type == Byte.class) {
      Long l = integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      return l == null ? null : l.byteValue();
    } else if (type == Boolean.class) {
      return bool(value);
    } else if (type == Double.class) {
      return real(value);
    } else if (type == Float.class) {
      Double d = real(value);
      if (d == null || (Math.abs(d) > Float.MAX_VALUE && !d.isInfinite())) {
        return null;
      }
      return d.floatValue();
    } else if (type == BigDecimal.class) {
      return decimal(value);
    } else if (type == BigInteger.class) {
      BigDecimal d = decimal(value);
      return d == null ? null : d.toBigIntegerExact();
    } else if (type == Number.class) {
      return value instanceof String s ? new BigDecimal(s.strip()) : null;
    } else if (type == String.class || type == CharSequence.class) {
      return value instanceof Long || value instanceof Double ? value.toString() : null;
    } else if (type == ByteBuffer.class) {
      return value instanceof byte[] b ? ByteBuffer.wrap(b) : null;
    } else if (type == Blob.class) {
      return value instanceof byte[] b ? Blob.from(Mono.just(ByteBuffer.wrap(b))) : null;
    } else if (type == Clob.class) {
      return value instanceof String s ? Clob.from(Mono.just(s)) : null;
    } else if (type == UUID.class) {
      return uuid(value);
    } else if (value instanceof String s) {
      return temporal(s.strip(), type);
    }
    return null;
  }

  private static @Nullable Long integer(Object value, long min, long max) {
    long l;
    if (value instanceof Long v) {
      l = v;
    } else if (value instanceof Double d) {
      l = new BigDecimal(d).longValueExact();
    } else if (value instanceof String s) {
      l = new BigDecimal(s.strip()).longValueExact();
    } else {
      return null;
    }
    if (l < min || l > max) {
      throw new ArithmeticException("out of range");
    }
    return l;
  }

  private static @Nullable Boolean bool(Object value) {
    if (value instanceof Long l) {
      if (l == 0L || l == 1L) {
        return l == 1L;
      }
      return null;
    }
    if (value instanceof String s) {
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  private static @Nullable Double real(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l) {
      return l.doubleValue();
    }
    if (value instanceof String s) {
      return Double.parseDouble(s.strip());
    }
    return null;
  }

  private static @Nullable BigDecimal decimal(Object value) {
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    if (value instanceof String s) {
      return new BigDecimal(s.strip());
    }
    return null;
  }

  private static @Nullable UUID uuid(Object value) {
    if (value instanceof byte[] b && b.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(b);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    if (value instanceof String s) {
      return UUID.fromString(s.strip());
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static @Nullable Object temporal(String s, Class<?> type) {
    if (type == LocalDate.class) {
      return LocalDate.parse(s);
    } else if (type == LocalTime.class) {
      return LocalTime.parse(s);
    } else if (type == LocalDateTime.class) {
      return LocalDateTime.parse(withT(s));
    } else if (type == OffsetDateTime.class) {
      return offsetDateTime(s);
    } else if (type == ZonedDateTime.class) {
      return offsetDateTime(s).toZonedDateTime();
    } else if (type == Instant.class) {
      return offsetDateTime(s).toInstant();
    } else if (type == OffsetTime.class) {
      return OffsetTime.parse(s);
    } else if (type.isEnum()) {
      try {
        return Enum.valueOf((Class) type, s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static OffsetDateTime offsetDateTime(String s) {
    String text = withT(s);
    if (hasOffset(text)) {
      return OffsetDateTime.parse(text);
    }
    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
  }

  /** SQLite writes {@code 2024-01-31 10:15:30}; ISO-8601 wants a {@code T}. */
  private static String withT(String s) {
    return s.length() > 10 && s.charAt(10) == ' '
        ? s.substring(0, 10) + 'T' + s.substring(11) : s;
  }

  private static boolean hasOffset(String s) {
    int t = s.indexOf('T');
    if (t < 0) {
      return false;
    }
    String time = s.substring(t + 1);
    return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0
        || time.indexOf('-') >= 0;
  }

  private static IllegalArgumentException mismatch(Object value, Class<?> type, String column,
      @Nullable Throwable cause) {
    String shown = value instanceof byte[] b ? "a BLOB of " + b.length + " bytes"
        : value.getClass().getSimpleName() + " " + value;
    return new IllegalArgumentException("column '" + column + "': cannot read " + shown + " as "
        + type.getName(), cause);
  }
}
