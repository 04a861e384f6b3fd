package io.toasty.migrate.snapshot;

import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A field's default as a database default, written neutrally ({@code bool:true},
 * {@code num:0}, {@code str:draft}) so that each dialect renders its own literal. Defaults of
 * other types (timestamps, UUIDs, bytes) stay the engine's job and are not written to the
 * database: {@link #of} answers {@code null} for them.
 */
public final class DefaultLiteral {
  private DefaultLiteral() {}

  /** The neutral literal of {@code value}, or {@code null} when the database does not hold it. */
  public static @Nullable String of(@Nullable Value value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Value.Bool b) {
      return "bool:" + b.value();
    }
    if (value instanceof Value.Decimal d) {
      return "num:" + d.value().toPlainString();
    }
    if (value instanceof Value.I8 || value instanceof Value.I16 || value instanceof Value.I32
        || value instanceof Value.I64) {
      return "num:" + value.toJava();
    }
    if (value instanceof Value.Str s) {
      return "str:" + s.value();
    }
    return null;
  }

  /** The literal's kind: {@code bool}, {@code num} or {@code str}. */
  public static String kind(String literal) {
    return literal.substring(0, literal.indexOf(':'));
  }

  /** The literal's text after its kind. */
  public static String text(String literal) {
    return literal.substring(literal.indexOf(':') + 1);
  }
}
