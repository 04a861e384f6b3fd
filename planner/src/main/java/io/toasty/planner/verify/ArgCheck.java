package io.toasty.planner.verify;

import io.toasty.Redaction;
import io.toasty.driver.ValueRanges;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one argument slot of a compiled plan must hold, checked on every execution before anything
 * reaches the driver: a value of {@code type} (converted to its exact variant), and NULL only
 * where {@code nullable}. Errors name the model and the field.
 *
 * @param arg      the slot
 * @param type     the type the value must fit
 * @param nullable whether NULL is allowed
 * @param model    the model, for messages
 * @param field    the field (or {@code limit}/{@code offset}), for messages
 * @param ranges   the backend's value ranges, or null when planning for no backend (then only lone
 *                 surrogates are refused)
 * @param sensitive whether the field is {@code @Sensitive}: messages show no value of it
 */
public record ArgCheck(int arg, Type type, boolean nullable, String model, @Nullable String field,
    @Nullable ValueRanges ranges, boolean sensitive) {
  public ArgCheck {
    Objects.requireNonNull(type, "type");
  }

  /** A check of a field that is not sensitive. */
  public ArgCheck(int arg, Type type, boolean nullable, String model, @Nullable String field,
      @Nullable ValueRanges ranges) {
    this(arg, type, nullable, model, field, ranges, false);
  }

  /** A check of the type alone (no backend's ranges). */
  public ArgCheck(int arg, Type type, boolean nullable, String model,
      @Nullable String field) {
    this(arg, type, nullable, model, field, null);
  }

  /**
   * {@code v} converted to {@code type}; an {@link InvalidStatementException} if it does not fit
   * the type, a {@link ValueOutOfRangeException} if it does not fit the backend's ranges.
   */
  public Value apply(Value v) {
    if (v.isNull()) {
      if (!nullable) {
        throw InvalidStatementException.missing(model, field, "must not be null");
      }
      return v;
    }
    String itemProblem = CollectionCoerce.problem(v);
    if (itemProblem != null) {
      throw new InvalidStatementException(model, field, itemProblem);
    }
    Value out = TypeCompat.coerce(type, v);
    if (out == null) {
      throw new InvalidStatementException(model, field, "value "
          + (sensitive ? Redaction.MASK : TypeCompat.describe(v))
          + " does not fit type " + TypeCompat.describe(type));
    }
    String problem = ranges == null ? RangeCheck.problem(out, ValueRanges.UNLIMITED)
        : RangeCheck.problem(out, ranges);
    if (problem != null && sensitive) {
      // range problems quote numbers and dates; a sensitive one shows as the mask
      problem = problem.replace(String.valueOf(out.toJava()), Redaction.MASK);
    }
    if (problem != null) {
      throw new ValueOutOfRangeException(model, field, problem, null);
    }
    return out;
  }
}
