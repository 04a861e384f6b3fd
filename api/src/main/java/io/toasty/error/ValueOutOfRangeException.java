package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A value does not fit where it is going: outside what the backend's column or the model's field
 * type can hold (a lone UTF-16 surrogate, a date beyond the backend's calendar, a decimal with more
 * digits than the backend keeps, NaN where it cannot be stored), or an update's arithmetic that
 * would leave the field's range. Raised before anything is sent where the value is known, or
 * translated from the database's own refusal (a range CHECK, SQLSTATE {@code 22003}) when the
 * database computes the value; a row that already holds such a value fails to read with it too,
 * naming the key. Never transient: the same value fails again.
 */
public class ValueOutOfRangeException extends ToastyException {
  private static final long serialVersionUID = 1L;

  /**
   * @param model   the model, or {@code null} when unknown
   * @param field   the field, or {@code null} when unknown
   * @param message the value's problem (and, when read, the record's key)
   * @param cause   the database's refusal, or {@code null}
   */
  public ValueOutOfRangeException(@Nullable String model, @Nullable String field, String message,
      @Nullable Throwable cause) {
    super(model, field, message, cause);
  }

  /**
   * {@link ErrorCategory#INVALID_INPUT}: a value the request gave does not fit where it is going.
   * (A stored value that cannot be read is reported with this class too; such rows are written
   * outside the model and are rare.)
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
