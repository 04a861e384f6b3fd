package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses a {@code @Default} literal as a value of its field's type, at compile time, into the
 * code that makes the {@code Value}. Temporal and decimal literals are parsed again at run time
 * from the same checked text, which keeps the generated code short and exact.
 */
final class DefaultCode {
  private static final Pattern UUID_TEXT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private DefaultCode() {}

  /**
   * The code making the value of {@code literal} for a field of type {@code type}.
   *
   * @throws IllegalArgumentException whose message completes {@code @Default("x") ...}
   */
  static CodeBlock parse(FieldType type, String literal) {
    FieldKind kind = type.kind();
    ClassName value = kind.valueRecord();
    return switch (kind) {
      case BOOLEAN -> bool(literal);
      case BYTE -> CodeBlock.of("new $T((byte) $L)", value,
          number(literal, Byte::parseByte, "byte"));
      case SHORT -> CodeBlock.of("new $T((short) $L)", value,
          number(literal, Short::parseShort, "short"));
      case INT -> CodeBlock.of("new $T($L)", value, number(literal, Integer::parseInt, "int"));
      case LONG -> CodeBlock.of("new $T($LL)", value, number(literal, Long::parseLong, "long"));
      case FLOAT -> CodeBlock.of("new $T($Lf)", value, finiteFloat(literal));
      case DOUBLE -> CodeBlock.of("new $T($L)", value, finiteDouble(literal));
      case STRING -> CodeBlock.of("new $T($S)", value, literal);
      case BYTES -> throw new IllegalArgumentException(
          "cannot be given: byte[] has no literal form");
      case UUID -> uuid(value, literal);
      case DECIMAL -> CodeBlock.of("new $T(new $T($S))", value, kind.javaType(), decimal(literal));
      case INSTANT -> temporal(value, kind, literal, Instant::parse);
      case LOCAL_DATE -> temporal(value, kind, literal, LocalDate::parse);
      case LOCAL_TIME -> temporal(value, kind, literal, LocalTime::parse);
      case LOCAL_DATE_TIME -> temporal(value, kind, literal, LocalDateTime::parse);
      case OFFSET_DATE_TIME -> temporal(value, kind, literal, OffsetDateTime::parse);
      case ENUM -> CodeBlock.of("new $T($S)", value, enumConstant(type.enumOf(), literal));
      case JSON -> throw new IllegalArgumentException("does not apply to a @Json field");
      case LIST, SET, MAP -> throw new IllegalArgumentException(
          "does not apply to a collection field");
    };
  }

  private static CodeBlock bool(String literal) {
    if (!literal.equals("true") && !literal.equals("false")) {
      throw new IllegalArgumentException("is not a valid boolean (true or false)");
    }
    return CodeBlock.of("$T.$L", ApiTypes.VALUE, literal.toUpperCase(Locale.ROOT));
  }

  /** The number as Java source text (without a type suffix). */
  private static String number(String literal, Function<String, ? extends Number> parse,
      String type) {
    return parsed(literal, parse, type).toString();
  }

  private static <N extends Number> N parsed(String literal, Function<String, N> parse,
      String type) {
    try {
      return parse.apply(literal);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a valid " + type);
    }
  }

  /** A float as source text; NaN and the infinities have no literal. */
  private static String finiteFloat(String literal) {
    float f = parsed(literal, Float::valueOf, "float");
    if (!Float.isFinite(f)) {
      throw new IllegalArgumentException("is not a finite float");
    }
    return Float.toString(f);
  }

  private static String finiteDouble(String literal) {
    double d = parsed(literal, Double::valueOf, "double");
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("is not a finite double");
    }
    return Double.toString(d);
  }

  /**
   * The UUID from its two halves. Not {@code UUID.fromString}: in an entry class with a field
   * called {@code uuid}, the constant {@code UUID} would hide the class in that expression.
   */
  private static CodeBlock uuid(ClassName value, String literal) {
    // UUID.fromString accepts short groups ("1-1-1-1-1"); require the canonical 8-4-4-4-12 form.
    if (!UUID_TEXT.matcher(literal).matches()) {
      throw new IllegalArgumentException("is not a valid UUID (8-4-4-4-12 hex digits)");
    }
    java.util.UUID uuid = java.util.UUID.fromString(literal);
    return CodeBlock.of("new $T(new $T($L, $L))", value, FieldKind.UUID.javaType(),
        hex(uuid.getMostSignificantBits()), hex(uuid.getLeastSignificantBits()));
  }

  private static String hex(long bits) {
    return String.format(Locale.ROOT, "0x%016xL", bits);
  }

  private static String decimal(String literal) {
    try {
      new BigDecimal(literal);
      return literal;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a valid BigDecimal");
    }
  }

  private static CodeBlock temporal(ClassName value, FieldKind kind, String literal,
      Function<String, ?> parse) {
    try {
      parse.apply(literal);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("is not a valid " + ((ClassName) kind.javaTypeOf())
          .simpleName() + " (ISO-8601, e.g. " + example(kind) + ")");
    }
    return CodeBlock.of("new $T($T.parse($S))", value, kind.javaType(), literal);
  }

  private static String example(FieldKind kind) {
    return switch (kind) {
      case INSTANT -> "2024-01-01T00:00:00Z";
      case LOCAL_DATE -> "2024-01-01";
      case LOCAL_TIME -> "12:30:00";
      case LOCAL_DATE_TIME -> "2024-01-01T12:30:00";
      default -> "2024-01-01T12:30:00+01:00";
    };
  }

  private static String enumConstant(EnumType type, String literal) {
    if (type.constants().contains(literal)) {
      return literal;
    }
    String message = "is not a constant of enum " + type.binaryName() + " "
        + type.constants();
    for (String c : type.constants()) {
      if (c.equalsIgnoreCase(literal)) {
        message += "; did you mean " + c + "?";
      }
    }
    throw new IllegalArgumentException(message);
  }
}
