package io.toasty.spring;

import io.toasty.ForeignKeyViolationException;
import io.toasty.InvalidCursorException;
import io.toasty.InvalidFilterException;
import io.toasty.NotNullViolationException;
import io.toasty.NumericOverflowException;
import io.toasty.RecordNotFoundException;
import io.toasty.SerializationFailureException;
import io.toasty.StaleRecordException;
import io.toasty.ToastyException;
import io.toasty.UniqueViolationException;
import io.toasty.ValueOutOfRangeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Toasty's errors as HTTP problem details (RFC 9457): the status a client can act on, a
 * {@code code}, and the model and field at fault; never the database's own text, which can
 * echo another record's values (a duplicate email) or the statement.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><td>404</td><td>{@code RecordNotFoundException}</td></tr>
 *   <tr><td>409</td><td>unique and foreign-key violations, a stale {@code @Version}, a
 *       serialization failure</td></tr>
 *   <tr><td>400</td><td>a filter or cursor from the request, a missing required field, a value
 *       out of range</td></tr>
 *   <tr><td>503</td><td>every transient error (pool timeout, lost connection, throttling),
 *       with {@code Retry-After}</td></tr>
 *   <tr><td>504</td><td>a statement or transaction past its timeout ({@code
 *       QueryTimeoutException}, code {@code timeout}): the database was reached and stopped the
 *       work, so it is not "unavailable"; no {@code Retry-After}, as the same request would
 *       likely run as long again</td></tr>
 *   <tr><td>500</td><td>a commit whose outcome is unknown ({@code commit_outcome_unknown}), and
 *       anything else: a fault of the service, not of the request</td></tr>
 * </table>
 */
public final class ToastyProblemDetails {
  private ToastyProblemDetails() {}

  /** The problem detail for {@code e}. */
  public static ProblemDetail of(ToastyException e) {
    String at = where(e);
    if (e instanceof RecordNotFoundException) {
      return problem(HttpStatus.NOT_FOUND, "not_found", e.model().orElse("record")
          + ": no such record", e);
    }
    if (e instanceof UniqueViolationException) {
      return problem(HttpStatus.CONFLICT, "unique_violation",
          at + "another record has the same value", e);
    }
    if (e instanceof ForeignKeyViolationException) {
      return problem(HttpStatus.CONFLICT, "foreign_key_violation",
          at + "the record it refers to does not exist, or others still refer to this one", e);
    }
    if (e instanceof StaleRecordException) {
      return problem(HttpStatus.CONFLICT, "stale_record",
          at + "the record was changed since it was read; read it again", e);
    }
    if (e instanceof SerializationFailureException) {
      return problem(HttpStatus.CONFLICT, "serialization_failure",
          "a concurrent change conflicted with this one; try again", e);
    }
    if (e instanceof InvalidFilterException f) {
      ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid_filter", e.getMessage(), e);
      p.setProperty("path", f.path());
      return p;
    }
    if (e instanceof InvalidCursorException) {
      return problem(HttpStatus.BAD_REQUEST, "invalid_cursor",
          "the cursor is not one this service issued; start from the first page", e);
    }
    if (e instanceof NotNullViolationException) {
      return problem(HttpStatus.BAD_REQUEST, "missing_value", at + "a value is required", e);
    }
    if (e instanceof NumericOverflowException || e instanceof ValueOutOfRangeException) {
      return problem(HttpStatus.BAD_REQUEST, "out_of_range", at + "a value is out of range", e);
    }
    if (e instanceof io.toasty.CommitOutcomeUnknownException) {
      return problem(HttpStatus.INTERNAL_SERVER_ERROR, "commit_outcome_unknown",
          "the change may or may not have been saved; check before repeating it", e);
    }
    if (e instanceof io.toasty.QueryTimeoutException) {
      return problem(HttpStatus.GATEWAY_TIMEOUT, "timeout",
          "the database did not answer in time and the work was stopped", e);
    }
    if (e.isTransient()) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
          "the database is busy or unreachable; try again shortly", e);
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "database_error",
        "the service failed to read or write its data", e);
  }

  private static String where(ToastyException e) {
    return e.model().map(m -> m + e.field().map(f -> "." + f).orElse("") + ": ").orElse("");
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail,
      ToastyException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setProperty("code", code);
    e.model().ifPresent(m -> p.setProperty("model", m));
    e.field().ifPresent(f -> p.setProperty("field", f));
    return p;
  }
}
