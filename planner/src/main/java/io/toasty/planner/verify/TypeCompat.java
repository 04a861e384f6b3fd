package io.toasty.planner.verify;

import io.toasty.planner.eval.ValueOrder;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Which values fit which types, and the value converted to the exact variant of the type (an
 * {@code I32} literal for an {@code I64} field becomes an {@code I64}), so drivers bind one
 * variant per column.
 */
public final class TypeCompat {
  private TypeCompat() {}

  /** {@code v} as a value of {@code type}, or {@code null} when it does not fit. */
  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  public static @Nullable Value coerce(Type type, Value v) {
    if (v.isNull()) {
      return v;
    }
    if (type instanceof Type.CollectionOf c) {
      return CollectionCoerce.coerce(c, v);
    }
    if (type instanceof Type.Enum e) {
      return v instanceof Value.Str s && e.constants().contains(s.value()) ? v : null;
    }
    if (!(type instanceof Type.Scalar s)) {
      return null;
    }
    if (s.isInteger()) {
      return ValueOrder.isInteger(v) ? integer(s, ((Number) v.toJava()).longValue()) : null;
    }
    return switch (s) {
      case F32 -> isFloatish(v) ? new Value.F32(((Number) v.toJava()).floatValue()) : null;
      case F64 -> isFloatish(v) ? new Value.F64(((Number) v.toJava()).doubleValue()) : null;
      case DECIMAL -> v instanceof Value.Decimal || ValueOrder.isInteger(v)
          ? new Value.Decimal(ValueOrder.decimal(v)) : null;
      default -> v.type() == s ? v : null;
    };
  }

  private static boolean isFloatish(Value v) {
    return v instanceof Value.F32 || v instanceof Value.F64 || ValueOrder.isInteger(v);
  }

  private static @Nullable Value integer(Type.Scalar s, long l) {
    return switch (s) {
      case I8 -> l == (byte) l ? new Value.I8((byte) l) : null;
      case I16 -> l == (short) l ? new Value.I16((short) l) : null;
      case I32 -> l == (int) l ? new Value.I32((int) l) : null;
      default -> new Value.I64(l);
    };
  }

  /** Whether expressions of types {@code a} and {@code b} may be compared or assigned. */
  public static boolean compatible(Type a, Type b) {
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Type.Scalar x && b instanceof Type.Scalar y) {
      return x.isNumeric() && y.isNumeric();
    }
    return isText(a) && isText(b);
  }

  private static boolean isText(Type t) {
    return t == Type.Scalar.STRING || t instanceof Type.Enum;
  }

  /** A short rendering of a value for messages: strings quoted, with the value's type. */
  public static String describe(Value v) {
    Object j = v instanceof Value.Bytes ? v.toString() : v.toJava();
    String shown = v instanceof Value.Str s ? '"' + s.value() + '"'
        : j instanceof BigDecimal d ? d.toPlainString() : String.valueOf(j);
    return shown + " (" + v.type() + ")";
  }

  /** A short rendering of a type for messages. */
  public static String describe(Type t) {
    return t instanceof Type.Enum e ? "enum " + e.javaClass() + " " + e.constants() : t.toString();
  }
}
