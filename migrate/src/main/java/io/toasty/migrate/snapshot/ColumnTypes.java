package io.toasty.migrate.snapshot;

import io.toasty.value.Type;
import java.util.List;

/**
 * A column's value type as a snapshot writes it: a scalar's name ({@code I64}, {@code STRING}),
 * {@code ENUM} for an enum (stored as its constant's name, whatever the constants are), or a
 * collection's shape and item type ({@code LIST<STRING>}, {@code MAP<I64>}).
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
    if (type instanceof Type.CollectionOf c) {
      return c.shape().name() + "<" + c.item().name() + ">";
    }
    throw new IllegalArgumentException("no column type for " + type);
  }

  /** The type a snapshot's {@code name} stands for. */
  public static Type type(String name) {
    if (ENUM.equals(name)) {
      return new Type.Enum(ENUM, List.of());
    }
    int open = name.indexOf('<');
    if (open > 0 && name.endsWith(">")) {
      return new Type.CollectionOf(Type.CollectionOf.Shape.valueOf(name.substring(0, open)),
          Type.Scalar.valueOf(name.substring(open + 1, name.length() - 1)));
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
