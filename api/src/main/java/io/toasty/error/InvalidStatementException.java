package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A statement cannot run as built: a required field is unset, a value does not fit its field, a
 * field of another model is used, and so on. Raised before anything reaches the database.
 */
public final class InvalidStatementException extends ToastyException {
  private static final long serialVersionUID = 1L;

  private final boolean missingValue;

  public InvalidStatementException(@Nullable String model, @Nullable String field, String message) {
    this(model, field, message, false);
  }

  private InvalidStatementException(@Nullable String model, @Nullable String field, String message,
      boolean missingValue) {
    super(model, field, message, null);
    this.missingValue = missingValue;
  }

  /**
   * A required field left unset, or set to {@code null}, in a create or update of {@code
   * model}; {@link #missingValue()} says so.
   */
  public static InvalidStatementException missing(@Nullable String model,
      @Nullable String field, String message) {
    return new InvalidStatementException(model, field, message, true);
  }

  /** Whether a required field was left without a value (unset, or {@code null}). */
  public boolean missingValue() {
    return missingValue;
  }

  /**
   * {@link ErrorCategory#INVALID_INPUT}: what reaches a running service is, in practice, a
   * statement built from the request's values: a required value missing ({@link #missingValue()}),
   * a value that does not fit its field. A statement that misuses the API (a field of another
   * model, a setter of the discriminator) fails the same way on every run, so tests find it
   * before a client can.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
