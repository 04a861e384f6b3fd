package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A {@code @Json} field's value that the {@code Db}'s JSON codec could not write (while the
 * statement was bound, so nothing was sent) or read back (the stored document does not map to the
 * field's type). Names the model and the field; the codec's error is the cause.
 */
public class JsonFieldException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public JsonFieldException(@Nullable String model, @Nullable String field, String message,
      @Nullable Throwable cause) {
    super(model, field, message, cause);
  }

  /**
   * {@link ErrorCategory#INTERNAL}: a value the codec cannot write, or a stored document that
   * does not read as the field's type, is a fault of the service's types or data.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
