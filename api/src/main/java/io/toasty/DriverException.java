package io.toasty;

/** The database or its driver failed in a way no more specific exception describes. */
public class DriverException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  public DriverException(String backend, String sqlState, String message, Throwable cause) {
    this(backend, null, sqlState, message, cause);
  }

  /** An error of a statement over {@code model} ({@code null} when unknown). */
  protected DriverException(String backend, String model, String sqlState, String message,
      Throwable cause) {
    super(model, null, "[" + backend + "] " + message
        + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")"), cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE the database reported, or {@code null}. */
  public String sqlState() {
    return sqlState;
  }
}
