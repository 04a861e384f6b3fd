package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * The backend turned work away for lack of capacity (DynamoDB: a throttled request, or keys it
 * left unprocessed through every retry the driver made). Transient: the same work may succeed
 * when tried again later, or with more capacity.
 */
public final class ThrottledException extends DriverException {
  private static final long serialVersionUID = 1L;

  public ThrottledException(String backend, String message, @Nullable Throwable cause) {
    super(backend, null, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  /** {@link ErrorCategory#UNAVAILABLE}: the backend lacks capacity for now. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.UNAVAILABLE;
  }
}
