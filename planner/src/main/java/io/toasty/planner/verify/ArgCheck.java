package io.toasty.planner.verify;

import io.toasty.InvalidStatementException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Objects;

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
 */
public record ArgCheck(int arg, Type type, boolean nullable, String model, String field) {
  public ArgCheck {
    Objects.requireNonNull(type, "type");
  }

  /** {@code v} converted to {@code type}; an {@link InvalidStatementException} if it does not fit. */
  public Value apply(Value v) {
    if (v.isNull()) {
      if (!nullable) {
        throw new InvalidStatementException(model, field, "must not be null");
      }
      return v;
    }
    Value out = TypeCompat.coerce(type, v);
    if (out == null) {
      throw new InvalidStatementException(model, field, "value " + TypeCompat.describe(v)
          + " does not fit type " + TypeCompat.describe(type));
    }
    return out;
  }
}
