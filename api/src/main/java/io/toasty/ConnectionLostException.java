package io.toasty;

/**
 * The connection to the database failed or closed while work was in flight. Transient: whether
 * the work reached the database is unknown, so retry only what is safe to repeat.
 */
public final class ConnectionLostException extends DriverException {
  private static final long serialVersionUID = 1L;

  public ConnectionLostException(String backend, String sqlState, String message,
      Throwable cause) {
    super(backend, sqlState, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
