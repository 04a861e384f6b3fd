package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * The database stopped a statement that ran longer than its statement timeout
 * ({@code DbBuilder.statementTimeout}, {@code db.timeout(..)}), or a transaction ran past its
 * own ({@code TxOptions.timeout}) and was rolled back; the work was cancelled on the server
 * (DynamoDB: the request was abandoned). Not transient: the same work would likely run as long
 * again.
 */
public final class QueryTimeoutException extends DriverException {
  private static final long serialVersionUID = 1L;

  /** A statement of {@code backend} stopped by its timeout. */
  public QueryTimeoutException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause) {
    super(backend, sqlState, message, cause);
  }

  /**
   * {@link ErrorCategory#TIMEOUT}: the database was reached and stopped the work; not
   * {@code UNAVAILABLE}, as the same work would likely run as long again.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.TIMEOUT;
  }
}
