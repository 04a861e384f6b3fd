package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * Arithmetic left the range of its type: an integer sum, difference or product beyond 64 bits
 * (or beyond the column's own type where the database computes in it, as PostgreSQL and H2 do for
 * {@code int} columns). SQLSTATE {@code 22003} from a database, or the engine's own evaluation
 * (DynamoDB filters). SQLite has no such error: its integers overflow into floating point.
 */
public class NumericOverflowException extends DriverException {
  private static final long serialVersionUID = 1L;

  public NumericOverflowException(String backend, String message, @Nullable Throwable cause) {
    super(backend, "22003", message, cause);
  }

  /** {@link ErrorCategory#INVALID_INPUT}: the statement's values leave the range of the type. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
