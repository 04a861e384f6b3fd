package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A write would store a second record with the same primary key or unique field; nothing was
 * written. The driver's error, with its SQLSTATE, is the cause.
 */
public final class UniqueViolationException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public UniqueViolationException(@Nullable String model, @Nullable String field, String message,
      @Nullable Throwable cause) {
    super(model, field, message, cause);
  }

  /** {@link ErrorCategory#CONFLICT}: another record holds the value. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
