package io.toasty.error;

/**
 * What kind of failure a {@link ToastyException} is, for code that answers a caller: each
 * exception class decides its own ({@link ToastyException#category()}), so a web service maps
 * every Toasty error to a status without knowing the classes. {@link #httpStatus()} is the HTTP
 * status that fits; the Spring starters' problem details use it.
 *
 * <table>
 *   <caption>Categories</caption>
 *   <tr><th>category</th><th>HTTP</th><th>the caller should</th></tr>
 *   <tr><td>{@link #INVALID_INPUT}</td><td>400</td><td>fix the request</td></tr>
 *   <tr><td>{@link #NOT_FOUND}</td><td>404</td><td>ask for something that exists</td></tr>
 *   <tr><td>{@link #CONFLICT}</td><td>409</td><td>read the current state and decide anew</td></tr>
 *   <tr><td>{@link #UNAVAILABLE}</td><td>503</td><td>try again shortly</td></tr>
 *   <tr><td>{@link #TIMEOUT}</td><td>504</td><td>ask for less, or later</td></tr>
 *   <tr><td>{@link #UNSUPPORTED}</td><td>501</td><td>not ask for this of this service</td></tr>
 *   <tr><td>{@link #INTERNAL}</td><td>500</td><td>nothing: the service is at fault</td></tr>
 * </table>
 */
public enum ErrorCategory {
  /**
   * The values given cannot be used: a required value missing, a value outside what the field or
   * the database holds, a filter or cursor that is not acceptable. Nothing was written; the
   * same request fails again.
   */
  INVALID_INPUT(400),

  /** A record that must exist does not. */
  NOT_FOUND(404),

  /**
   * The request is well formed but conflicts with what is stored: a taken unique value, a
   * missing or still-referenced related record, a stale version, a concurrent transaction.
   * Nothing was written; the same request may succeed once the stored state has changed.
   */
  CONFLICT(409),

  /**
   * The database is busy or out of reach (no pooled connection in time, a lost connection,
   * throttling): nothing is wrong with the request, and trying it again shortly may succeed.
   */
  UNAVAILABLE(503),

  /**
   * The database was reached and stopped the work at its time limit: trying the same work again
   * at once would likely run as long again.
   */
  TIMEOUT(504),

  /** The backend (or this version of the engine) cannot do what was asked. */
  UNSUPPORTED(501),

  /**
   * A fault of the service, not of the request: a model or statement that cannot work, a stored
   * value that cannot be read, a commit whose outcome is unknown, a database error no other
   * category describes.
   */
  INTERNAL(500);

  private final int httpStatus;

  ErrorCategory(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status that answers an error of this category. */
  public int httpStatus() {
    return httpStatus;
  }
}
