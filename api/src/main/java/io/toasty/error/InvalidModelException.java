package io.toasty.error;

import org.jspecify.annotations.Nullable;

/** A model definition, or a set of models given to one {@code Db}, cannot be used. */
public final class InvalidModelException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public InvalidModelException(@Nullable String model, @Nullable String field, String message) {
    super(model, field, message, null);
  }

  /** {@link ErrorCategory#INTERNAL}: models that cannot work are a fault of the service. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
