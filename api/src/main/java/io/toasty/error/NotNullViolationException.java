package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * The database refused a NULL in a column that requires a value; nothing was written. The engine
 * checks required fields before a statement runs, so this arrives only from constraints it does
 * not know of (a column added outside the model, say).
 */
public final class NotNullViolationException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public NotNullViolationException(@Nullable String model, @Nullable String field, String message,
      @Nullable Throwable cause) {
    super(model, field, message, cause);
  }

  /** {@link ErrorCategory#INVALID_INPUT}: a required value is missing. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
