package io.toasty;

/**
 * The database stopped a statement that ran longer than the {@code Db}'s statement timeout
 * ({@code DbBuilder.statementTimeout}); its work was cancelled on the server. Not transient: the
 * same statement would likely run as long again.
 */
public final class QueryTimeoutException extends DriverException {
  private static final long serialVersionUID = 1L;

  /** A statement of {@code backend} stopped by its timeout. */
  public QueryTimeoutException(String backend, String sqlState, String message,
      Throwable cause) {
    super(backend, sqlState, message, cause);
  }
}
