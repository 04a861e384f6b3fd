package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A pagination cursor that cannot be used: not one this {@code Db} signed (garbled, truncated,
 * tampered with, or signed under another key), made by a query of another model or order, or
 * holding values that do not fit the order's fields. Cursors come from clients: treat this as
 * bad input (HTTP 400), never as a server fault.
 */
public final class InvalidCursorException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(@Nullable String model, String detail) {
    super(model, null, "invalid cursor: " + detail, null);
  }

  /** {@link ErrorCategory#INVALID_INPUT}: a cursor comes from the client. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
