package io.toasty.value;

import org.jspecify.annotations.Nullable;

/**
 * A value as the Java object an expression of a type gives: {@code Long} for {@code I64} (a
 * count, a sum of integers), {@code Double} for {@code F64} (an average), and so on; {@code null}
 * for NULL; a collection as an unmodifiable {@code List}, {@code Set} or {@code Map}. Enums come
 * back as their constant's name: the type holds no class ({@code io.toasty.Path} of an enum field
 * reads its constants).
 */
public final class JavaValues {
  private JavaValues() {}

  /** {@code v} as the Java object of {@code type}. */
  public static @Nullable Object of(Type type, Value v) {
    if (v.isNull()) {
      return null;
    }
    if (type instanceof Type.CollectionOf c) {
      return switch (c.shape()) {
        case LIST -> CollectionValues.asList(v);
        case SET -> CollectionValues.asSet(v);
        case MAP -> CollectionValues.asMap(v);
      };
    }
    if (!(type instanceof Type.Scalar s)) {
      return v.toJava();
    }
    return switch (s) {
      case BOOL -> Values.asBoolean(v);
      case I8 -> Values.asByte(v);
      case I16 -> Values.asShort(v);
      case I32 -> Values.asInt(v);
      case I64 -> Values.asLong(v);
      case F32 -> Values.asFloat(v);
      case F64 -> Values.asDouble(v);
      case STRING -> Values.asString(v);
      case BYTES -> Values.asBytes(v);
      case UUID -> Values.asUuid(v);
      case DECIMAL -> Values.asDecimal(v);
      case INSTANT -> Values.asInstant(v);
      case LOCAL_DATE -> Values.asLocalDate(v);
      case LOCAL_TIME -> Values.asLocalTime(v);
      case LOCAL_DATE_TIME -> Values.asLocalDateTime(v);
      case OFFSET_DATE_TIME -> Values.asOffsetDateTime(v);
      case JSON -> v.toJava(); // its text (a projection of a JSON field is raw)
      case NULL -> null;
    };
  }
}
