package io.toasty.error;

import org.jspecify.annotations.Nullable;

/** A query that must find a record found none; the message says which model and which filter. */
public final class RecordNotFoundException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public RecordNotFoundException(@Nullable String model, @Nullable String detail) {
    super(model, null, "no record found" + (detail == null ? "" : " (" + detail + ")"), null);
  }

  /** {@link ErrorCategory#NOT_FOUND}. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.NOT_FOUND;
  }
}
