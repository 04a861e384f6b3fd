package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A write would leave a reference to a record that does not exist, or delete a record that others
 * still reference; nothing was written. {@link #model()} and {@link #field()} name the referring
 * model and its key field; for a missing record the message names the missing key, and no other
 * value of the record (docs/relations.md, "Related records always exist"). The driver's error,
 * with its SQLSTATE, is the cause.
 */
public final class ForeignKeyViolationException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public ForeignKeyViolationException(@Nullable String model, @Nullable String field,
      String message, @Nullable Throwable cause) {
    super(model, field, message, cause);
  }

  /**
   * {@link ErrorCategory#CONFLICT}, not 422: the request is well formed, and whether it can be
   * written depends on what is stored now (the referenced record may be created, or deleted by
   * another request meanwhile; the records that still refer to this one may be deleted). The same
   * class reports both a missing referenced record and a delete that others still refer to, and
   * both are conflicts with the stored state.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
