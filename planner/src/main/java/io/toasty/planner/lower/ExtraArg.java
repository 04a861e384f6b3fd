package io.toasty.planner.lower;

import io.toasty.schema.app.AutoStrategy;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Objects;

/**
 * An argument slot that lowering adds after the statement's own: a field's declared default (a
 * constant of the plan) or a value the executor generates on each execution (a UUID key).
 */
public sealed interface ExtraArg {

  /** A value fixed at plan time, such as a field's {@code @Default}. */
  record ConstantArg(Value value) implements ExtraArg {
    public ConstantArg {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The current time as a value of {@code type} ({@code @CreatedAt}, {@code @UpdatedAt}, {@code
   * now()}): read once per execution, so every such slot of one statement holds the same instant.
   */
  record NowArg(Type type, String model, String field) implements ExtraArg {
    public NowArg {
      Objects.requireNonNull(type, "type");
    }
  }

  /** A value generated per execution, per row: a v4 or v7 UUID. */
  record GeneratedArg(AutoStrategy auto, String model, String field) implements ExtraArg {
    public GeneratedArg {
      Objects.requireNonNull(auto, "auto");
    }
  }
}
