package io.toasty;

/**
 * A statement cannot run as built: a required field is unset, a value does not fit its field, a
 * field of another model is used, and so on. Raised before anything reaches the database.
 */
public final class InvalidStatementException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public InvalidStatementException(String model, String field, String message) {
    super(model, field, message, null);
  }
}
