package io.toasty;

/**
 * A write would leave a reference to a record that does not exist, or delete a record that others
 * still reference; nothing was written. The driver's error, with its SQLSTATE, is the cause.
 */
public final class ForeignKeyViolationException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public ForeignKeyViolationException(String model, String field, String message, Throwable cause) {
    super(model, field, message, cause);
  }
}
