package io.toasty.dynamo.codec;

import io.toasty.Feature;
import io.toasty.driver.ValueRanges;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Values to DynamoDB attribute values and back.
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>Type</th><th>Attribute</th><th>Text</th></tr>
 *   <tr><td>BOOL</td><td>BOOL</td><td></td></tr>
 *   <tr><td>I8 to I64, DECIMAL</td><td>N</td><td>exact decimal text</td></tr>
 *   <tr><td>F32, F64</td><td>N</td><td>the shortest decimal that reads back bit for bit;
 *       NaN, infinities and doubles outside DynamoDB's range (magnitude 1E-130 to 9.99E+125)
 *       are refused</td></tr>
 *   <tr><td>STRING, enums</td><td>S</td><td>the string; an enum's constant name</td></tr>
 *   <tr><td>BYTES</td><td>B</td><td></td></tr>
 *   <tr><td>UUID</td><td>S</td><td>canonical lower case</td></tr>
 *   <tr><td>INSTANT, OFFSET_DATE_TIME</td><td>S</td>
 *       <td>{@code 2024-05-06T07:08:09.000000000Z}: UTC, nine fraction digits</td></tr>
 *   <tr><td>LOCAL_DATE_TIME</td><td>S</td><td>{@code 2024-05-06T07:08:09.000000000}</td></tr>
 *   <tr><td>LOCAL_DATE</td><td>S</td><td>{@code 2024-05-06}</td></tr>
 *   <tr><td>LOCAL_TIME</td><td>S</td><td>{@code 07:08:09.000000000}</td></tr>
 *   <tr><td>lists</td><td>L</td><td>items as above</td></tr>
 *   <tr><td>JSON</td><td>M, L, S, N, BOOL</td><td>the document as DynamoDB's own types
 *       ({@link JsonAttributes})</td></tr>
 *   <tr><td>NULL</td><td>(absent)</td><td>the attribute is not stored; NUL reads as null</td></tr>
 * </table>
 *
 * <p>Times are fixed width, so that their strings sort as the times do (sort keys and range
 * conditions compare strings byte by byte) for years 0000 to 9999. An {@code OffsetDateTime}
 * keeps its instant, not its offset: it reads back at UTC.
 */
public final class AttributeCodec {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");
  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E126");
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

  private AttributeCodec() {}

  /**
   * The attribute that stores {@code v}, a value already known not to be NULL (a key part, a
   * compared or assigned value once NULL was ruled out).
   *
   * @throws IllegalArgumentException for {@link Value#NULL}, which no attribute stores
   * @throws UnsupportedFeatureException for NaN, infinities and numbers DynamoDB cannot hold
   */
  public static AttributeValue encodePresent(Value v) {
    AttributeValue a = encode(v);
    if (a == null) {
      throw new IllegalArgumentException("NULL is stored as no attribute: there is none to send");
    }
    return a;
  }

  /**
   * The attribute that stores {@code v}, or null for {@link Value#NULL} (the attribute is left
   * out).
   *
   * @throws UnsupportedFeatureException for NaN, infinities and numbers DynamoDB cannot hold
   */
  public static @Nullable AttributeValue encode(Value v) {
    if (v instanceof Value.Null) {
      return null;
    } else if (v instanceof Value.Bool b) {
      return AttributeValue.fromBool(b.value());
    } else if (v instanceof Value.I8 n) {
      return AttributeValue.fromN(Byte.toString(n.value()));
    } else if (v instanceof Value.I16 n) {
      return AttributeValue.fromN(Short.toString(n.value()));
    } else if (v instanceof Value.I32 n) {
      return AttributeValue.fromN(Integer.toString(n.value()));
    } else if (v instanceof Value.I64 n) {
      return AttributeValue.fromN(Long.toString(n.value()));
    } else if (v instanceof Value.F32 f) {
      return AttributeValue.fromN(floating(Float.isNaN(f.value()) || Float.isInfinite(f.value()),
          Float.toString(f.value())));
    } else if (v instanceof Value.F64 d) {
      return AttributeValue.fromN(floating(Double.isNaN(d.value()) || Double.isInfinite(d.value()),
          Double.toString(d.value())));
    } else if (v instanceof Value.Decimal d) {
      return AttributeValue.fromN(number(d.value()));
    } else if (v instanceof Value.Str s) {
      return AttributeValue.fromS(s.value());
    } else if (v instanceof Value.Json j) {
      return JsonAttributes.encode(Objects.requireNonNull(j.text(),
          "the engine writes a document's text before a driver sees it"));
    } else if (v instanceof Value.Bytes b) {
      return AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) b.toJava()));
    } else if (v instanceof Value.Uuid u) {
      return AttributeValue.fromS(u.value().toString());
    } else if (v instanceof Value.Timestamp t) {
      return AttributeValue.fromS(INSTANT.format(t.value()));
    } else if (v instanceof Value.OffsetDateTimeValue t) {
      return AttributeValue.fromS(INSTANT.format(t.value().toInstant()));
    } else if (v instanceof Value.DateTime t) {
      return AttributeValue.fromS(DATE_TIME.format(t.value()));
    } else if (v instanceof Value.Date d) {
      return AttributeValue.fromS(d.value().toString());
    } else if (v instanceof Value.Time t) {
      return AttributeValue.fromS(TIME.format(t.value()));
    } else if (v instanceof Value.Items || v instanceof Value.Entries) {
      return CollectionAttributes.encode(v);
    } else if (v instanceof Value.ListValue l) {
      List<AttributeValue> items = new ArrayList<>(l.items().size());
      for (Value item : l.items()) {
        AttributeValue a = encode(item);
        items.add(a == null ? AttributeValue.fromNul(true) : a);
      }
      return AttributeValue.fromL(items);
    }
    throw new IllegalArgumentException("no DynamoDB attribute for " + v);
  }

  private static String floating(boolean nonFinite, String text) {
    if (nonFinite) {
      throw new UnsupportedFeatureException(Feature.NUMBER_RANGE, "dynamodb",
          "NaN and infinite numbers: " + text + " cannot be stored in a number attribute");
    }
    return number(new BigDecimal(text));
  }

  static String number(BigDecimal d) {
    if (d.signum() != 0) {
      BigDecimal abs = d.abs();
      if (abs.compareTo(MAX_MAGNITUDE) >= 0 || abs.compareTo(MIN_MAGNITUDE) < 0) {
        throw new UnsupportedFeatureException(Feature.NUMBER_RANGE, "dynamodb",
            d + " is outside magnitude 1E-130 to 9.99E+125");
      }
    }
    return d.toPlainString();
  }

  /**
   * The value of {@code a} as a column of {@code type}; null and NUL attributes are
   * {@link Value#NULL}.
   *
   * @param what the attribute's name, for messages
   * @throws DriverException when the attribute does not hold that type
   */
  public static Value decode(@Nullable AttributeValue a, Type type, String what) {
    if (a == null || Boolean.TRUE.equals(a.nul())) {
      return Value.NULL;
    }
    try {
      if (type instanceof Type.Enum) {
        return new Value.Str(need(a.s(), a, "S", what));
      }
      if (type instanceof Type.CollectionOf c) {
        return CollectionAttributes.decode(a, c, what);
      }
      if (type instanceof Type.ListOf l) {
        if (!a.hasL()) {
          throw mismatch(a, "L", what);
        }
        List<Value> items = new ArrayList<>(a.l().size());
        for (AttributeValue item : a.l()) {
          items.add(decode(item, l.item(), what));
        }
        return new Value.ListValue(items);
      }
      if (!(type instanceof Type.Scalar s)) {
        throw new IllegalArgumentException("no attribute mapping for type " + type);
      }
      return switch (s) {
        case NULL -> Value.NULL;
        case BOOL -> Value.of(need(a.bool(), a, "BOOL", what));
        case I8 -> new Value.I8((byte) integer(a, what, Byte.MIN_VALUE, Byte.MAX_VALUE));
        case I16 -> new Value.I16((short) integer(a, what, Short.MIN_VALUE, Short.MAX_VALUE));
        case I32 -> new Value.I32((int) integer(a, what, Integer.MIN_VALUE, Integer.MAX_VALUE));
        case I64 -> new Value.I64(integer(a, what, Long.MIN_VALUE, Long.MAX_VALUE));
        case F32 -> new Value.F32(Float.parseFloat(need(a.n(), a, "N", what)));
        case F64 -> new Value.F64(Double.parseDouble(need(a.n(), a, "N", what)));
        case DECIMAL -> new Value.Decimal(normalized(new BigDecimal(need(a.n(), a, "N", what))));
        case STRING -> new Value.Str(need(a.s(), a, "S", what));
        case JSON -> Value.Json.ofText(JsonAttributes.decode(a, what));
        case BYTES -> new Value.Bytes(need(a.b(), a, "B", what).asByteArray());
        case UUID -> new Value.Uuid(UUID.fromString(need(a.s(), a, "S", what)));
        case INSTANT -> held(new Value.Timestamp(Instant.parse(need(a.s(), a, "S", what))), what);
        case OFFSET_DATE_TIME -> held(new Value.OffsetDateTimeValue(OffsetDateTime.parse(
            need(a.s(), a, "S", what)).withOffsetSameInstant(ZoneOffset.UTC)), what);
        case LOCAL_DATE_TIME -> held(new Value.DateTime(LocalDateTime.parse(
            need(a.s(), a, "S", what))), what);
        case LOCAL_DATE -> held(new Value.Date(LocalDate.parse(need(a.s(), a, "S", what))), what);
        case LOCAL_TIME -> new Value.Time(LocalTime.parse(need(a.s(), a, "S", what)));
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new DriverException("dynamodb", null, "attribute " + what + " holds " + a
          + ", which is not a " + type, e);
    }
  }

  /**
   * {@code v}, a date this backend stores (years 0000 to 9999: fixed-width text, so that it
   * sorts); one another writer stored beyond them is refused on read, since it could not be
   * written back.
   */
  @SuppressWarnings("NullAway") // a decoded date or time's toJava() is its value, never null
  private static Value held(Value v, String what) {
    if (!ValueRanges.DYNAMODB.holdsTime(v.toJava())) {
      throw new ValueOutOfRangeException(null, null, "attribute " + what + " holds "
          + v.toJava() + ", a date outside what DynamoDB stores here (years 0000 to 9999), so"
          + " it could not be written back", null);
    }
    return v;
  }

  /**
   * The value of {@code a} read by its own DynamoDB type, for an attribute no field describes (a
   * raw statement's result): a string as text, a whole number as a long (else a decimal), a
   * boolean, bytes, NULL; a set as a list of its members; a list or map as its JSON text.
   */
  public static Value decodeUntyped(@Nullable AttributeValue a, String what) {
    if (a == null || Boolean.TRUE.equals(a.nul())) {
      return Value.NULL;
    }
    if (a.s() != null) {
      return new Value.Str(a.s());
    }
    if (a.n() != null) {
      BigDecimal d = normalized(new BigDecimal(a.n()));
      return d.scale() == 0 && d.unscaledValue().bitLength() < 64 ? new Value.I64(d.longValueExact())
          : new Value.Decimal(d);
    }
    if (a.bool() != null) {
      return Value.of(a.bool());
    }
    if (a.b() != null) {
      return new Value.Bytes(a.b().asByteArray());
    }
    if (a.hasSs() || a.hasNs() || a.hasBs()) {
      List<Value> items = new ArrayList<>();
      a.ss().forEach(v -> items.add(decodeUntyped(AttributeValue.fromS(v), what)));
      a.ns().forEach(v -> items.add(decodeUntyped(AttributeValue.fromN(v), what)));
      a.bs().forEach(v -> items.add(decodeUntyped(AttributeValue.fromB(v), what)));
      return new Value.ListValue(items);
    }
    return Value.Json.ofText(JsonAttributes.decode(a, what));
  }

  private static long integer(AttributeValue a, String what, long min, long max) {
    String n = need(a.n(), a, "N", what);
    long l;
    try {
      l = Long.parseLong(n); // what DynamoDB returns for a whole number
    } catch (NumberFormatException e) {
      l = new BigDecimal(n).longValueExact(); // "1E+2", "5.0": whole, written otherwise
    }
    if (l < min || l > max) {
      throw new ArithmeticException(l + " is out of range");
    }
    return l;
  }

  /** Trailing zeros stripped and a scale of at least 0, as the engine expects decimals back. */
  private static BigDecimal normalized(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static <T> T need(@Nullable T s, AttributeValue a, String kind, String what) {
    if (s == null) {
      throw mismatch(a, kind, what);
    }
    return s;
  }

  private static DriverException mismatch(AttributeValue a, String kind, String what) {
    return new DriverException("dynamodb", null, "attribute " + what + " holds " + a
        + " where a value of type " + kind + " was expected", null);
  }
}
