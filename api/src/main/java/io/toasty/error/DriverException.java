package io.toasty.error;

import org.jspecify.annotations.Nullable;

/** The database or its driver failed in a way no more specific exception describes. */
public class DriverException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String sqlState;

  public DriverException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause) {
    this(backend, null, sqlState, message, cause);
  }

  /** An error of a statement over {@code model} ({@code null} when unknown). */
  protected DriverException(String backend, @Nullable String model, @Nullable String sqlState,
      String message,
      @Nullable Throwable cause) {
    super(model, null, "[" + backend + "] " + message
        + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")"), cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE the database reported, or {@code null}. */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /**
   * {@link ErrorCategory#TIMEOUT} for a statement the database cancelled at its time limit
   * without the driver saying more (SQLSTATE 57014, PostgreSQL's {@code query_canceled}; 70100,
   * MariaDB's {@code max_statement_time}); else {@link ErrorCategory#INTERNAL}: a database error
   * no more specific class describes is not the request's fault, as far as anyone can tell.
   */
  @Override
  public ErrorCategory category() {
    return "57014".equals(sqlState) || "70100".equals(sqlState) ? ErrorCategory.TIMEOUT
        : ErrorCategory.INTERNAL;
  }
}
