package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection to the database failed or closed while work was in flight. Transient: whether
 * the work reached the database is unknown, so retry only what is safe to repeat, unless
 * {@link #nothingSent()} says that none of it did.
 */
public final class ConnectionLostException extends DriverException {
  private static final long serialVersionUID = 1L;
  private final boolean nothingSent;

  /** A connection lost while the failed operation may have reached the database. */
  public ConnectionLostException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause) {
    this(backend, sqlState, message, cause, false);
  }

  /**
   * A connection lost; {@code nothingSent} when the driver knows that no byte of the failed
   * operation was written to the database (the connection was found closed before it was sent).
   */
  public ConnectionLostException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause, boolean nothingSent) {
    super(backend, sqlState, nothingSent ? message + "; nothing of the operation was sent"
        : message, cause);
    this.nothingSent = nothingSent;
  }

  /**
   * Whether the driver knows that the failed operation never reached the database (it was
   * refused on a connection already closed): repeating it cannot apply it twice. {@code false}
   * means unknown, not sent.
   */
  public boolean nothingSent() {
    return nothingSent;
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  /**
   * {@link ErrorCategory#UNAVAILABLE}: the database is out of reach for now; nothing is wrong
   * with the request.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.UNAVAILABLE;
  }
}
