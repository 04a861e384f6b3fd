package io.toasty.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * No pooled connection became free within the acquire timeout. Transient: nothing was sent to the
 * database, so the same work may be tried again; a pool that times out often is too small for the
 * load, or connections are held for long (a slow query, a long transaction).
 */
public final class PoolTimeoutException extends DriverException {
  private static final long serialVersionUID = 1L;
  private final @Nullable Duration waited;

  /**
   * @param backend the backend whose pool it is
   * @param waited  how long the acquire waited before it gave up
   * @param cause   the pool's own error, if the pool timed out, or {@code null}
   */
  public PoolTimeoutException(String backend, Duration waited, @Nullable Throwable cause) {
    super(backend, null, "no pooled connection became free within " + waited.toMillis()
        + " ms (the acquire timeout); the pool is busy", cause);
    this.waited = waited;
  }

  /**
   * A pool that reports its timeout in words of its own (an HTTP client's connection pool, for
   * example, which does not say how long it waited).
   *
   * @param backend the backend whose pool it is
   * @param message what the pool said, for the reader
   * @param cause   the pool's own error
   */
  public PoolTimeoutException(String backend, String message, @Nullable Throwable cause) {
    super(backend, null, message, cause);
    this.waited = null;
  }

  /** How long the acquire waited, or {@code null} where the pool did not say. */
  public @Nullable Duration waited() {
    return waited;
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  /** {@link ErrorCategory#UNAVAILABLE}: nothing was sent; the same work may succeed shortly. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.UNAVAILABLE;
  }
}
