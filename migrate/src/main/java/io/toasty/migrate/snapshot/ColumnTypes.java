package io.toasty.migrate.snapshot;

import io.toasty.value.Type;
import java.util.List;

/**
 * A column's value type as a snapshot writes it: a scalar's name ({@code I64}, {@code STRING}),
 * or {@code ENUM} for an enum (stored as its constant's name, whatever the constants are).
 */
public final class ColumnTypes {
  private static final String ENUM = "ENUM";

  private ColumnTypes() {}

  /** The snapshot's name of {@code type}. */
  public static String name(Type type) {
    if (type instanceof Type.Scalar scalar) {
      return scalar.name();
    }
    if (type instanceof Type.Enum) {
      return ENUM;
    }
    throw new IllegalArgumentException("no column type for " + type);
  }

  /** The type a snapshot's {@code name} stands for. */
  public static Type type(String name) {
    if (ENUM.equals(name)) {
      return new Type.Enum(ENUM, List.of());
    }
    return Type.Scalar.valueOf(name);
  }

  /**
   * Whether every value of {@code from} fits {@code to} unchanged: a widening integer or float,
   * or any type to text. Other changes may lose or refuse values and count as destructive.
   */
  public static boolean widens(String from, String to) {
    List<String> integers = List.of("I8", "I16", "I32", "I64");
    if (integers.contains(from) && integers.contains(to)) {
      return integers.indexOf(to) >= integers.indexOf(from);
    }
    if (from.equals("F32") && to.equals("F64")) {
      return true;
    }
    if (integers.contains(from) && to.equals("DECIMAL")) {
      return true;
    }
    return to.equals("STRING") && !from.equals("BYTES");
  }
}
