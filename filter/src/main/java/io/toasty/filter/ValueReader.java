package io.toasty.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.toasty.error.InvalidFilterException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Converts one JSON value to a {@link Value} of a field's type, or fails with the field and the
 * path. In lenient mode (query parameters, where every value is text) numbers and booleans may
 * come as text too.
 */
final class ValueReader {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");
  private static final Pattern DECIMAL =
      Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][-+]?[0-9]{1,3})?");
  private static final Pattern UUID_TEXT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int MAX_DECIMAL_SCALE = 1_000;

  private final FilterLimits limits;
  private final boolean lenient;

  ValueReader(FilterLimits limits, boolean lenient) {
    this.limits = limits;
    this.lenient = lenient;
  }

  /** The value of {@code node} for {@code field}; JSON null is {@link Value#NULL}. */
  Value read(String model, FieldSchema field, JsonNode node, InputPath path) {
    if (node.isNull()) {
      return Value.NULL;
    }
    Failure fail = message -> new InvalidFilterException(model, field.name(),
        path.text(), message);
    if (field.type() instanceof Type.Enum e) {
      String name = text(node, fail, "one of " + e.constants());
      if (!e.constants().contains(name)) {
        throw fail.at("expected one of " + e.constants() + ", got '" + InputPath.quote(name) + "'");
      }
      return new Value.Str(name);
    }
    if (!(field.type() instanceof Type.Scalar scalar)) {
      throw fail.at("a field of type " + field.type() + " cannot be filtered on");
    }
    return scalar(scalar, node, fail);
  }

  private Value scalar(Type.Scalar type, JsonNode node, Failure fail) {
    return switch (type) {
      case BOOL -> bool(node, fail);
      case I8 -> Value.of(integer(node, fail, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue());
      case I16 -> Value.of(integer(node, fail, Short.MIN_VALUE, Short.MAX_VALUE).shortValue());
      case I32 -> Value.of(integer(node, fail, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
      case I64 -> Value.of(integer(node, fail, Long.MIN_VALUE, Long.MAX_VALUE).longValue());
      case F32 -> Value.of((float) floating(node, fail, Float.MAX_VALUE));
      case F64 -> Value.of(floating(node, fail, Double.MAX_VALUE));
      case DECIMAL -> Value.of(decimal(node, fail));
      case STRING -> Value.of(text(node, fail, "a string"));
      case UUID -> Value.of(UUID.fromString(matching(node, fail, UUID_TEXT, "a UUID")));
      case BYTES -> Value.of(parsed(node, fail, "base64 text", Base64.getDecoder()::decode));
      case INSTANT -> Value.of(parsed(node, fail, "an instant (2026-01-31T10:15:30Z)",
          Instant::parse));
      case LOCAL_DATE -> Value.of(parsed(node, fail, "a date (2026-01-31)", LocalDate::parse));
      case LOCAL_TIME -> Value.of(parsed(node, fail, "a time (10:15:30)", LocalTime::parse));
      case LOCAL_DATE_TIME -> Value.of(parsed(node, fail, "a date-time (2026-01-31T10:15:30)",
          LocalDateTime::parse));
      case OFFSET_DATE_TIME -> Value.of(parsed(node, fail,
          "a date-time with offset (2026-01-31T10:15:30+01:00)", OffsetDateTime::parse));
      case NULL -> throw fail.at("a field of type NULL cannot be filtered on");
      case JSON -> throw fail.at("a JSON document is filtered by a path in code, not by value");
    };
  }

  private Value bool(JsonNode node, Failure fail) {
    if (node.isBoolean()) {
      return Value.of(node.booleanValue());
    }
    if (lenient && node.isTextual() && (node.textValue().equals("true")
        || node.textValue().equals("false"))) {
      return Value.of(Boolean.parseBoolean(node.textValue()));
    }
    throw fail.at("expected true or false, got " + describe(node));
  }

  private BigInteger integer(JsonNode node, Failure fail, long min, long max) {
    BigInteger v;
    if (node.isIntegralNumber()) {
      v = node.bigIntegerValue();
    } else if (lenient && node.isTextual() && INTEGER.matcher(node.textValue()).matches()) {
      v = new BigInteger(node.textValue());
    } else {
      throw fail.at("expected an integer, got " + describe(node));
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw fail.at("expected an integer from " + min + " to " + max + ", got "
          + InputPath.quote(v.toString()));
    }
    return v;
  }

  private double floating(JsonNode node, Failure fail, double max) {
    BigDecimal d = decimal(node, fail);
    double v = d.doubleValue();
    if (Double.isNaN(v) || Math.abs(v) > max) {
      throw fail.at("expected a number within +/-" + max + ", got " + InputPath.quote(d.toString()));
    }
    return v;
  }

  private BigDecimal decimal(JsonNode node, Failure fail) {
    BigDecimal d;
    if (node.isNumber()) {
      d = node.decimalValue();
    } else if (lenient && node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
      d = new BigDecimal(node.textValue());
    } else {
      throw fail.at("expected a number, got " + describe(node));
    }
    if (Math.abs((long) d.scale()) > MAX_DECIMAL_SCALE) {
      throw fail.at("expected a number with an exponent within +/-" + MAX_DECIMAL_SCALE);
    }
    return d;
  }

  private String text(JsonNode node, Failure fail, String expected) {
    if (!node.isTextual()) {
      throw fail.at("expected " + expected + ", got " + describe(node));
    }
    String s = node.textValue();
    if (s.length() > limits.maxStringLength()) {
      throw fail.at("a string of " + s.length() + " characters is longer than the limit of "
          + limits.maxStringLength());
    }
    return s;
  }

  private String matching(JsonNode node, Failure fail, Pattern pattern, String expected) {
    String s = text(node, fail, expected);
    if (!pattern.matcher(s).matches()) {
      throw fail.at("expected " + expected + ", got '" + InputPath.quote(s) + "'");
    }
    return s;
  }

  private <T> T parsed(JsonNode node, Failure fail, String expected, Function<String, T> parse) {
    String s = text(node, fail, expected);
    try {
      return parse.apply(s);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw fail.at("expected " + expected + ", got '" + InputPath.quote(s) + "'");
    }
  }

  /** A JSON value's kind, and the value itself when short, for messages. */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "the string '" + InputPath.quote(node.textValue()) + "'";
      case NUMBER -> "the number " + InputPath.quote(node.asText());
      case BOOLEAN -> String.valueOf(node.booleanValue());
      case NULL -> "null";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Makes the error for the field and path at hand. */
  @FunctionalInterface
  interface Failure {
    InvalidFilterException at(String message);
  }
}
