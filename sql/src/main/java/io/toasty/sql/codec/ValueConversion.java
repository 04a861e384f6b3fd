package io.toasty.sql.codec;

import io.toasty.driver.ValueRanges;
import io.toasty.error.InvalidStatementException;
import io.toasty.sql.dialect.JsonStorage;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.UnreadableColumnException;
import io.toasty.value.CollectionJson;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.lang.reflect.Array;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Converts between {@link Value}s and the Java objects an SQL transport binds and returns, the
 * same for every transport (R2DBC, Vert.x): each adds how it binds an object and reads a row.
 * Only PostgreSQL's {@code jsonb} differs by transport: {@link JsonParameters} says how.
 *
 * <p>Numbers are read as {@link Number} and widened or narrowed here, never by asking the driver
 * for a class: drivers return {@code Integer} for {@code INT} whatever the field's width, and
 * r2dbc-h2 refuses {@code row.get(i, Long.class)} on one. Decimals come back normalized (trailing
 * zeros stripped, scale at least 0), so that every backend returns the same value.
 */
public final class ValueConversion {
  private final SqlDialect dialect;
  /** What the backend stores: dates and times read outside it are refused (see decode). */
  private final ValueRanges ranges;

  /** How the transport binds and reads {@code jsonb} (unused by other dialects). */
  private final JsonParameters json;

  /** The conversions of {@code dialect}'s backend, {@code jsonb} bound and read by {@code json}. */
  public ValueConversion(SqlDialect dialect, JsonParameters json) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.ranges = dialect.capability().valueRanges();
    this.json = Objects.requireNonNull(json, "json");
  }

  /** The dialect whose storage these conversions follow. */
  public SqlDialect dialect() {
    return dialect;
  }

  // ---- binding -------------------------------------------------------------------------------

  /**
   * The distinct items as an array of the class {@code elementType}'s values bind as; a NULL item
   * is a null element. Integers are widened or narrowed to the column's width, as a marker per
   * item would be by the database. Each value appears once, so that a join on the array matches a
   * row once, as an IN list does.
   */
  public Object[] array(Value.ListValue list, @Nullable Type elementType) {
    Class<?> element = nullClass(elementType);
    Set<Object> distinct = new LinkedHashSet<>(list.items().size() * 4 / 3 + 1);
    for (Value v : list.items()) {
      distinct.add(v.isNull() ? null : element(encode(v), element, v));
    }
    Object[] out = (Object[]) Array.newInstance(element, distinct.size());
    return distinct.toArray(out);
  }

  /** The text of a document the engine wrote before binding it. */
  private static String json(Value.Json v) {
    return Objects.requireNonNull(v.text(), "the engine writes a document before a driver");
  }

  private static Object element(Object encoded, Class<?> element, Value v) {
    if (element.isInstance(encoded)) {
      return encoded;
    }
    if (encoded instanceof Number n && (element == Long.class || element == Integer.class
        || element == Short.class) && isIntegral(n)) {
      long x = n.longValue();
      if (element == Long.class) {
        return x;
      } else if (element == Integer.class && x == (int) x) {
        return (int) x;
      } else if (element == Short.class && x == (short) x) {
        return (short) x;
      }
    }
    throw new IllegalArgumentException("cannot bind " + v + " as an element of a "
        + element.getSimpleName() + " array");
  }

  /**
   * The object the driver binds for a non-null scalar value, as the dialect stores it: times
   * truncated to its precision, UUIDs, decimals and date-times in its representation.
   *
   * @throws IllegalArgumentException for NULL, records and lists
   * @throws InvalidStatementException for NaN or an infinity where the backend stores neither
   */
  public Object encode(Value value) {
    if (value instanceof Value.Bool b) {
      return b.value();
    } else if (value instanceof Value.I8 v) {
      return switch (dialect.byteBinding()) {
        case AS_IS -> v.value();
        case AS_SHORT -> (short) v.value();
      };
    } else if (value instanceof Value.I16 v) {
      return v.value();
    } else if (value instanceof Value.I32 v) {
      return v.value();
    } else if (value instanceof Value.I64 v) {
      return v.value();
    } else if (value instanceof Value.F32 v) {
      finite(v.value());
      return switch (dialect.floatBinding()) {
        case FLOAT -> v.value();
        case AS_DOUBLE -> (double) v.value();
      };
    } else if (value instanceof Value.F64 v) {
      finite(v.value());
      return v.value();
    } else if (value instanceof Value.Str v) {
      return v.value();
    } else if (value instanceof Value.Items || value instanceof Value.Entries) {
      return collection(value);
    } else if (value instanceof Value.Json v) {
      return dialect.jsonStorage() == JsonStorage.JSONB ? json.parameter(json(v)) : json(v);
    } else if (value instanceof Value.Bytes v) {
      return binary((byte[]) v.toJava());
    } else if (value instanceof Value.Uuid v) {
      return switch (dialect.uuidStorage()) {
        case NATIVE -> v.value();
        case NATIVE_BOUND_AS_TEXT -> v.value().toString();
        case BYTES -> binary(uuidBytes(v.value()));
      };
    } else if (value instanceof Value.Decimal v) {
      // r2dbc-h2 rejects a negative scale (1E+5); the value is the same at scale 0.
      BigDecimal d = v.value();
      BigDecimal plain = d.scale() < 0 ? d.setScale(0) : d;
      return switch (dialect.decimalBinding()) {
        case BIG_DECIMAL -> plain;
        // Normalized, so that equal values are equal text: 1.50 and 1.5 are both "1.5".
        case TEXT -> normalize(d).toPlainString();
      };
    } else if (ranges.infinities() && isTime(value)
        && ranges.infinity(Objects.requireNonNull(value.toJava(), "a time"))) {
      return Objects.requireNonNull(infinity(value), "an infinity");
    } else if (value instanceof Value.Timestamp v) {
      OffsetDateTime utc = v.value().truncatedTo(dialect.timePrecision()).atOffset(ZoneOffset.UTC);
      return switch (dialect.dateTimeBinding()) {
        case OFFSET_DATE_TIME, OFFSET_DATE_TIME_AT_UTC -> utc;
        case LOCAL_DATE_TIME_UTC -> utc.toLocalDateTime();
      };
    } else if (value instanceof Value.Date v) {
      return v.value();
    } else if (value instanceof Value.Time v) {
      return v.value().truncatedTo(dialect.timePrecision());
    } else if (value instanceof Value.DateTime v) {
      return v.value().truncatedTo(dialect.timePrecision());
    } else if (value instanceof Value.OffsetDateTimeValue v) {
      OffsetDateTime t = v.value().truncatedTo(dialect.timePrecision());
      return switch (dialect.dateTimeBinding()) {
        case OFFSET_DATE_TIME -> t;
        case OFFSET_DATE_TIME_AT_UTC -> t.withOffsetSameInstant(ZoneOffset.UTC);
        case LOCAL_DATE_TIME_UTC -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      };
    }
    throw new IllegalArgumentException("cannot bind " + value + " as a single parameter");
  }

  /**
   * A Java extreme the backend stores as an infinity, as its driver binds one: the extreme
   * itself, beyond every date the driver formats (r2dbc-postgresql writes {@code 'infinity'});
   * an instant as the offset date-time the driver reads an infinite {@code timestamptz} as.
   */
  private static @Nullable Object infinity(Value value) {
    if (value instanceof Value.Timestamp t) {
      return t.value().equals(Instant.MAX) ? OffsetDateTime.MAX : OffsetDateTime.MIN;
    }
    return value.toJava();
  }

  private static boolean isTime(Value v) {
    return v instanceof Value.Timestamp || v instanceof Value.OffsetDateTimeValue
        || v instanceof Value.Date || v instanceof Value.DateTime;
  }

  /**
   * A collection as the dialect stores it: a typed array of its items where the backend has
   * arrays (never for a map), else its JSON text ({@code jsonb} on PostgreSQL).
   */
  private Object collection(Value value) {
    if (value instanceof Value.Items items && dialect.collectionArrays()) {
      Class<?> element = nullClass(items.type().item());
      Object[] out = (Object[]) Array.newInstance(element, items.items().size());
      for (int i = 0; i < out.length; i++) {
        out[i] = element(encode(items.items().get(i)), element, items.items().get(i));
      }
      return out;
    }
    String text = CollectionJson.write(value);
    return dialect.jsonStorage() == JsonStorage.JSONB ? json.parameter(text) : text;
  }

  private Object binary(byte[] bytes) {
    return switch (dialect.binaryBinding()) {
      case BYTE_ARRAY -> bytes;
      case BYTE_BUFFER -> ByteBuffer.wrap(bytes);
    };
  }

  private void finite(double d) {
    boolean refused = switch (dialect.nonFiniteFloats()) {
      case ALL -> false;
      case INFINITIES_ONLY -> Double.isNaN(d);
      case NONE -> Double.isNaN(d) || Double.isInfinite(d);
    };
    if (refused) {
      throw new InvalidStatementException(null, null, "[" + dialect.backend() + "] cannot store "
          + d + ": the backend has no such floating-point value");
    }
  }

  /** A UUID's 16 bytes, most significant first (as {@code UUID_TO_BIN(u)} without swapping). */
  public static byte[] uuidBytes(UUID u) {
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array();
  }

  /** The class a NULL of {@code type} is bound with. */
  public Class<?> nullClass(@Nullable Type type) {
    if (type instanceof Type.Enum || type == null) {
      return String.class;
    }
    if (type instanceof Type.CollectionOf c) {
      if (dialect.collectionArrays() && c.shape() != Type.CollectionOf.Shape.MAP) {
        return Array.newInstance(nullClass(c.item()), 0).getClass();
      }
      return dialect.jsonStorage() == JsonStorage.JSONB ? json.nullClass() : String.class;
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("cannot bind a NULL of type " + type);
    }
    Class<?> binary = switch (dialect.binaryBinding()) {
      case BYTE_ARRAY -> byte[].class;
      case BYTE_BUFFER -> ByteBuffer.class;
    };
    return switch (scalar) {
      case BOOL -> Boolean.class;
      case I8 -> switch (dialect.byteBinding()) {
        case AS_IS -> Byte.class;
        case AS_SHORT -> Short.class;
      };
      case I16 -> Short.class;
      case I32 -> Integer.class;
      case I64 -> Long.class;
      case F32 -> switch (dialect.floatBinding()) {
        case FLOAT -> Float.class;
        case AS_DOUBLE -> Double.class;
      };
      case F64 -> Double.class;
      case STRING, NULL -> String.class;
      case JSON -> dialect.jsonStorage() == JsonStorage.JSONB ? json.nullClass() : String.class;
      case BYTES -> binary;
      case UUID -> switch (dialect.uuidStorage()) {
        case NATIVE -> UUID.class;
        case NATIVE_BOUND_AS_TEXT -> String.class;
        case BYTES -> binary;
      };
      case DECIMAL -> switch (dialect.decimalBinding()) {
        case BIG_DECIMAL -> BigDecimal.class;
        case TEXT -> String.class;
      };
      case INSTANT, OFFSET_DATE_TIME -> switch (dialect.dateTimeBinding()) {
        case OFFSET_DATE_TIME, OFFSET_DATE_TIME_AT_UTC -> OffsetDateTime.class;
        case LOCAL_DATE_TIME_UTC -> LocalDateTime.class;
      };
      case LOCAL_DATE -> LocalDate.class;
      case LOCAL_TIME -> LocalTime.class;
      case LOCAL_DATE_TIME -> LocalDateTime.class;
    };
  }

  // ---- decoding ------------------------------------------------------------------------------

  /**
   * A row of {@code count} columns as a record, column {@code i} decoded by
   * {@code column.apply(i)}. A column that cannot be decoded is an
   * {@link UnreadableColumnException} naming it ({@code name.apply(i)}), the other columns
   * still decoded: they hold the key the error names.
   */
  public static Value.Record record(int count, IntFunction<Value> column,
      IntFunction<String> name) {
    Value[] values = new Value[count];
    int failed = -1;
    RuntimeException failure = null;
    for (int i = 0; i < count; i++) {
      try {
        values[i] = column.apply(i);
      } catch (RuntimeException e) {
        values[i] = Value.NULL;
        if (failure == null) {
          failed = i;
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw new UnreadableColumnException(failed, name.apply(failed), Arrays.asList(values),
          failure);
    }
    return Value.Record.adopt(values);
  }

  /**
   * A value bound into a column of {@code type} that stores it as bound, as the database would
   * return it: itself where it already has the type's form, else bound and read back (a
   * {@code Value.I64} sent into an {@code INT} column is a {@code Value.I32}).
   */
  public Value asReturned(Value bound, Type type) {
    if (bound.isNull() || ofType(bound, type)) {
      return bound.isNull() ? Value.NULL : bound;
    }
    return decode(encode(bound), type);
  }

  private static boolean ofType(Value v, Type type) {
    return type instanceof Type.Scalar s && switch (s) {
      case BOOL -> v instanceof Value.Bool;
      case I8 -> v instanceof Value.I8;
      case I16 -> v instanceof Value.I16;
      case I32 -> v instanceof Value.I32;
      case I64 -> v instanceof Value.I64;
      case STRING -> v instanceof Value.Str;
      case UUID -> v instanceof Value.Uuid;
      default -> false;
    };
  }

  /**
   * The value of a column the driver returned as {@code raw}, read as {@code type}.
   *
   * @throws IllegalArgumentException when {@code raw} does not convert to {@code type}
   */
  public Value decode(@Nullable Object raw, Type type) {
    if (raw == null) {
      return Value.NULL;
    }
    if (type instanceof Type.Enum) {
      return new Value.Str(string(raw, type));
    }
    if (type instanceof Type.CollectionOf c) {
      return collection(raw, c);
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("cannot read a column as " + type);
    }
    return switch (scalar) {
      case NULL -> generic(raw);
      case BOOL -> bool(raw);
      case I8 -> new Value.I8((byte) integer(raw, Byte.MIN_VALUE, Byte.MAX_VALUE, scalar));
      case I16 -> new Value.I16((short) integer(raw, Short.MIN_VALUE, Short.MAX_VALUE, scalar));
      case I32 -> new Value.I32((int) integer(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, scalar));
      case I64 -> new Value.I64(integer(raw, Long.MIN_VALUE, Long.MAX_VALUE, scalar));
      case F32 -> new Value.F32(number(raw, scalar).floatValue());
      case F64 -> new Value.F64(number(raw, scalar).doubleValue());
      case STRING -> new Value.Str(string(raw, scalar));
      case JSON -> Value.Json.ofText(dialect.jsonStorage() == JsonStorage.JSONB
          && !(raw instanceof String) ? json.text(raw) : string(raw, scalar));
      case BYTES -> new Value.Bytes(bytes(raw));
      case UUID -> new Value.Uuid(uuid(raw));
      case DECIMAL -> new Value.Decimal(decimal(raw));
      // a date or time the backend's ranges do not hold (SQLite text of a five-digit year,
      // written by someone else) is refused on read: it could not be written back
      case INSTANT, LOCAL_DATE, LOCAL_DATE_TIME, OFFSET_DATE_TIME -> Value.of(
          time(raw, scalar, ranges));
      case LOCAL_TIME -> new Value.Time(raw instanceof OffsetTime t ? t.toLocalTime()
          : raw instanceof String t ? LocalTime.parse(t) : as(raw, LocalTime.class, type));
    };
  }

  /**
   * {@code raw} as the date or time {@code type} ({@code INSTANT}, {@code OFFSET_DATE_TIME},
   * {@code LOCAL_DATE}, {@code LOCAL_DATE_TIME}) where {@code ranges} hold it, a stored infinity
   * as the Java type's extreme, which is written back as that infinity (the transports' typed
   * row readers read model fields with it too).
   *
   * @throws IllegalArgumentException when the value is outside {@code ranges}
   */
  public static Object time(Object raw, Type.Scalar type, ValueRanges ranges) {
    Object infinity = ranges.infinities() ? infinity(raw, type) : null;
    Object t = infinity != null ? infinity : switch (type) {
      case INSTANT -> instant(raw);
      case LOCAL_DATE -> raw instanceof String s ? LocalDate.parse(s)
          : as(raw, LocalDate.class, type);
      case LOCAL_DATE_TIME -> raw instanceof String s ? LocalDateTime.parse(withT(s))
          : as(raw, LocalDateTime.class, type);
      default -> offsetDateTime(raw);
    };
    if (!ranges.holdsTime(t)) {
      throw new IllegalArgumentException("the stored " + t + " is outside what the backend "
          + "stores as " + type + ", so it could not be written back");
    }
    return t;
  }

  /**
   * The Java extreme a stored infinity of {@code type} reads as, or null for another value.
   * r2dbc-postgresql reads {@code 'infinity'} as {@code OffsetDateTime.MAX} (an instant: that
   * one's instant), {@code LocalDateTime.MAX} and {@code LocalDate.MAX}, and {@code '-infinity'}
   * as their {@code MIN}s; an instant's extreme is {@code Instant.MAX} or {@code MIN}.
   */
  private static @Nullable Object infinity(Object raw, Type.Scalar type) {
    Instant instant = raw instanceof Instant t ? t : raw instanceof OffsetDateTime t
        && (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) ? t.toInstant() : null;
    boolean max = instant != null ? instant.equals(OffsetDateTime.MAX.toInstant())
        : raw.equals(LocalDate.MAX) || raw.equals(LocalDateTime.MAX);
    boolean min = instant != null ? instant.equals(OffsetDateTime.MIN.toInstant())
        : raw.equals(LocalDate.MIN) || raw.equals(LocalDateTime.MIN);
    if (!max && !min) {
      return null;
    }
    return switch (type) {
      case INSTANT -> max ? Instant.MAX : Instant.MIN;
      case OFFSET_DATE_TIME -> max ? OffsetDateTime.MAX : OffsetDateTime.MIN;
      default -> raw;
    };
  }

  /** A collection column: an array's items decoded one by one, or a JSON document read. */
  private Value collection(Object raw, Type.CollectionOf type) {
    if (raw.getClass().isArray()) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(raw); i++) {
        items.add(decode(Array.get(raw, i), type.item()));
      }
      return new Value.Items(type, items);
    }
    String text = dialect.jsonStorage() == JsonStorage.JSONB && !(raw instanceof String)
        ? json.text(raw) : string(raw, type);
    return CollectionJson.read(text, type);
  }

  private Value generic(Object raw) {
    if (raw instanceof ByteBuffer b) {
      return new Value.Bytes(bytes(b));
    }
    if (raw instanceof BigDecimal d) {
      return new Value.Decimal(normalize(d));
    }
    if (raw instanceof ZonedDateTime z) {
      return new Value.OffsetDateTimeValue(z.toOffsetDateTime());
    }
    return Value.of(raw);
  }

  private static Value bool(Object raw) {
    if (raw instanceof Boolean b) {
      return b ? Value.TRUE : Value.FALSE;
    }
    if (raw instanceof Number n && isIntegral(n)) {
      return n.longValue() != 0 ? Value.TRUE : Value.FALSE;
    }
    throw mismatch(raw, Type.Scalar.BOOL);
  }

  /** {@code raw} as an integer within {@code [min, max]}, for a column read as {@code type}. */
  public static long integer(Object raw, long min, long max, Type type) {
    long l;
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      l = ((Number) raw).longValue();
    } else if (raw instanceof BigDecimal d) {
      try {
        l = d.longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("value " + d + " is not a " + type, e);
      }
    } else if (raw instanceof BigInteger b) {
      if (b.bitLength() > 63) {
        throw new IllegalArgumentException("value " + b + " does not fit " + type);
      }
      l = b.longValue();
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      l = (long) d;
      if (l != d) {
        throw new IllegalArgumentException("value " + d + " is not a " + type);
      }
    } else if (raw instanceof Boolean b) {
      l = b ? 1 : 0;
    } else {
      throw mismatch(raw, type);
    }
    if (l < min || l > max) {
      throw new IllegalArgumentException("value " + l + " does not fit " + type);
    }
    return l;
  }

  /** {@code raw} as a number, for a column read as {@code type}. */
  public static Number number(Object raw, Type type) {
    if (raw instanceof Number n) {
      return n;
    }
    throw mismatch(raw, type);
  }

  /** {@code raw} as text, for a column read as {@code type}. */
  public static String string(Object raw, Type type) {
    if (raw instanceof String s) {
      return s;
    }
    if (raw instanceof CharSequence s) {
      return s.toString();
    }
    throw mismatch(raw, type);
  }

  /** {@code raw} (a byte array or buffer) as bytes. */
  public static byte[] bytes(Object raw) {
    if (raw instanceof byte[] b) {
      return b;
    }
    if (raw instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] out = new byte[copy.remaining()];
      copy.get(out);
      return out;
    }
    throw mismatch(raw, Type.Scalar.BYTES);
  }

  /** {@code raw} (a UUID, its text or its 16 bytes) as a UUID. */
  public static UUID uuid(Object raw) {
    if (raw instanceof UUID u) {
      return u;
    }
    if (raw instanceof String s) {
      return UUID.fromString(s);
    }
    if (raw instanceof byte[] || raw instanceof ByteBuffer) {
      ByteBuffer b = ByteBuffer.wrap(bytes(raw));
      if (b.remaining() != 16) {
        throw new IllegalArgumentException("a UUID has 16 bytes, not " + b.remaining());
      }
      return new UUID(b.getLong(), b.getLong());
    }
    throw mismatch(raw, Type.Scalar.UUID);
  }

  /** {@code raw} as a normalized decimal. */
  public static BigDecimal decimal(Object raw) {
    BigDecimal d;
    if (raw instanceof BigDecimal b) {
      d = b;
    } else if (raw instanceof BigInteger b) {
      d = new BigDecimal(b);
    } else if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      d = BigDecimal.valueOf(((Number) raw).longValue());
    } else if (raw instanceof Double || raw instanceof Float) {
      d = BigDecimal.valueOf(((Number) raw).doubleValue());
    } else if (raw instanceof String s) {
      d = new BigDecimal(s);
    } else {
      throw mismatch(raw, Type.Scalar.DECIMAL);
    }
    return normalize(d);
  }

  /** Trailing zeros stripped, scale at least 0: {@code 1.50 -> 1.5}, {@code 1E+2 -> 100}. */
  public static BigDecimal normalize(BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** {@code raw} (a date-time with or without offset, or its text) as an instant. */
  public static Instant instant(Object raw) {
    if (raw instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (raw instanceof Instant t) {
      return t;
    }
    if (raw instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    if (raw instanceof LocalDateTime t) {
      // A timestamp without a zone holds UTC by this library's convention.
      return t.toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof String t) {
      return offsetDateTime(t).toInstant();
    }
    throw mismatch(raw, Type.Scalar.INSTANT);
  }

  /** {@code raw} (a date-time with an offset, or its text) as an offset date-time. */
  public static OffsetDateTime offsetDateTime(Object raw) {
    if (raw instanceof OffsetDateTime t) {
      return t;
    }
    if (raw instanceof ZonedDateTime t) {
      return t.toOffsetDateTime();
    }
    if (raw instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    if (raw instanceof LocalDateTime t) {
      // Stored without a zone (MySQL DATETIME): the instant in UTC, by this library's convention.
      return t.atOffset(ZoneOffset.UTC);
    }
    if (raw instanceof String t) {
      // ISO-8601 text (SQLite); without an offset it is UTC.
      String text = withT(t);
      int time = text.indexOf('T');
      boolean offset = time >= 0 && (text.endsWith("Z") || text.indexOf('+', time) >= 0
          || text.indexOf('-', time) >= 0);
      return offset ? OffsetDateTime.parse(text)
          : LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }
    throw mismatch(raw, Type.Scalar.OFFSET_DATE_TIME);
  }

  /** ISO-8601 wants a {@code T} where SQLite's own timestamps have a space. */
  public static String withT(String s) {
    return s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11)
        : s;
  }

  /** {@code raw} as a {@code type}, else a mismatch naming {@code target}. */
  public static <T> T as(Object raw, Class<T> type, Type target) {
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    throw mismatch(raw, target);
  }

  /** Whether {@code n} holds no fraction. */
  public static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  /** The error for a {@code raw} value that does not convert to {@code type}. */
  public static IllegalArgumentException mismatch(Object raw, Type type) {
    return new IllegalArgumentException("cannot read " + raw.getClass().getName() + " " + raw
        + " as " + type);
  }
}
