package io.toasty.filter;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * One field operator of the filter language ({@code $gte}, {@code $in}, {@code $startsWith}):
 * its name, the operand it takes, and how it builds the condition. An entry in {@link Operators}.
 *
 * @param name     the name in a JSON document, with its {@code $}
 * @param operand  what the operator takes
 * @param textOnly whether it applies to string fields only
 * @param build    the condition over the field and the operand's values
 */
public record Operator(String name, Operand operand, boolean textOnly, Build build) {

  public Operator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(build, "build");
    if (!name.startsWith("$")) {
      throw new IllegalArgumentException("an operator's name starts with $: " + name);
    }
  }

  /** What an operator takes. */
  public enum Operand {
    /** One value of the field's type; not null. */
    VALUE,
    /** One value of the field's type, or null. */
    VALUE_OR_NULL,
    /** A list of values of the field's type (no nulls), at most the list limit long. */
    VALUES,
    /** {@code true} or {@code false}. */
    FLAG
  }

  /** Builds an operator's condition. */
  @FunctionalInterface
  public interface Build {
    /**
     * The condition over {@code field}; {@code values} holds the one value (VALUE, FLAG) or the
     * list (VALUES), already converted to the field's type.
     */
    ExprNode apply(ExprNode field, List<Value> values);
  }
}
