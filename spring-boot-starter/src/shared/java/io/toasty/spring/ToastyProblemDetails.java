package io.toasty.spring;

import io.toasty.error.CardinalityException;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.ErrorCategory;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.InvalidCursorException;
import io.toasty.error.InvalidFilterException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.error.ToastyException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.error.UniqueViolationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Toasty's errors as HTTP problem details (RFC 9457): the status of the exception's
 * {@link ErrorCategory} ({@code ToastyException.category()}), a {@code code} that says which
 * error it is, the {@code category}, and the model and field at fault. Never the database's text
 * nor any value: a stored value can be another record's (a duplicate email) or sensitive, so
 * each detail is a fixed sentence naming the model and field.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><td>400</td><td>{@code INVALID_INPUT}: a required value missing ({@code missing_value}),
 *       a value out of range ({@code out_of_range}) or not fitting its field
 *       ({@code invalid_value}), a filter ({@code invalid_filter}, with its {@code path}) or
 *       cursor ({@code invalid_cursor}) from the request, a JSON body whose type property names
 *       no variant of a sealed model ({@code unknown_type})</td></tr>
 *   <tr><td>404</td><td>{@code NOT_FOUND}</td></tr>
 *   <tr><td>409</td><td>{@code CONFLICT}: unique and foreign-key violations, a stale
 *       {@code @Version}, a serialization failure, a lock wait that gave up
 *       ({@code lock_timeout}), a relation's limit</td></tr>
 *   <tr><td>503</td><td>{@code UNAVAILABLE}: pool timeout, lost connection, throttling, with
 *       {@code Retry-After}</td></tr>
 *   <tr><td>504</td><td>{@code TIMEOUT}: a statement or transaction past its timeout; the
 *       database was reached and stopped the work, so no {@code Retry-After}</td></tr>
 *   <tr><td>501</td><td>{@code UNSUPPORTED}: a feature the backend lacks</td></tr>
 *   <tr><td>500</td><td>{@code INTERNAL}: a commit whose outcome is unknown
 *       ({@code commit_outcome_unknown}); anything else ({@code database_error}) without detail,
 *       model or field: a fault of the service, not of the request</td></tr>
 * </table>
 */
public final class ToastyProblemDetails {
  private ToastyProblemDetails() {}

  /** The problem detail for {@code e}. */
  public static ProblemDetail of(ToastyException e) {
    ErrorCategory category = e.category();
    ProblemDetail p = ProblemDetail.forStatus(HttpStatus.valueOf(category.httpStatus()));
    p.setProperty("code", code(e));
    p.setProperty("category", category.name().toLowerCase(Locale.ROOT));
    String detail = detail(e);
    if (detail == null) {
      return p; // an internal fault: nothing of it for the client
    }
    p.setDetail(where(e) + detail);
    e.model().ifPresent(m -> p.setProperty("model", m));
    e.field().ifPresent(f -> p.setProperty("field", f));
    if (e instanceof InvalidFilterException f) {
      p.setProperty("path", f.path());
    }
    if (e instanceof StaleRecordException s) {
      // the version to read again at: a counter the client had a copy of, no field value
      s.storedVersion().ifPresent(v -> p.setProperty("storedVersion", v));
    }
    if (e instanceof UnknownJsonTypeException t) {
      p.setProperty("property", t.property());
      p.setProperty("known", t.known());
    }
    return p;
  }

  /** The stable name of {@code e}'s kind of error, for programs. */
  static String code(ToastyException e) {
    return switch (e.category()) {
      case INVALID_INPUT -> invalidInputCode(e);
      case NOT_FOUND -> "not_found";
      case CONFLICT -> conflictCode(e);
      case UNAVAILABLE -> e instanceof TransactionRolledBackException ? "rolled_back"
          : "unavailable";
      case TIMEOUT -> "timeout";
      case UNSUPPORTED -> "unsupported";
      case INTERNAL -> e instanceof CommitOutcomeUnknownException ? "commit_outcome_unknown"
          : "database_error";
    };
  }

  private static String invalidInputCode(ToastyException e) {
    if (e instanceof InvalidFilterException) {
      return "invalid_filter";
    }
    if (e instanceof InvalidCursorException) {
      return "invalid_cursor";
    }
    if (e instanceof UnknownJsonTypeException) {
      return "unknown_type";
    }
    if (e instanceof NotNullViolationException
        || e instanceof InvalidStatementException s && s.missingValue()) {
      return "missing_value";
    }
    if (e instanceof InvalidStatementException) {
      return "invalid_value";
    }
    if (e instanceof ItemTooLargeException) {
      return "too_large";
    }
    if (e instanceof DivisionByZeroException) {
      return "division_by_zero";
    }
    if (e instanceof TenantScopeException t && t.reason() == Reason.UNRESOLVED) {
      return "tenant_required";
    }
    return "out_of_range";
  }

  private static String conflictCode(ToastyException e) {
    if (e instanceof UniqueViolationException) {
      return "unique_violation";
    }
    if (e instanceof ForeignKeyViolationException) {
      return "foreign_key_violation";
    }
    if (e instanceof StaleRecordException) {
      return "stale_record";
    }
    if (e instanceof CardinalityException) {
      return "cardinality";
    }
    if (e instanceof SerializationFailureException s) {
      return s.isLockWaitTimeout() ? "lock_timeout" : "serialization_failure";
    }
    return "conflict";
  }

  /** A fixed sentence for the client, or null where the client is told nothing. */
  private static @Nullable String detail(ToastyException e) {
    return switch (code(e)) {
      // the client's own input, and where in it
      case "invalid_filter", "unknown_type" -> e.getMessage();
      case "invalid_cursor" ->
          "the cursor is not one this service issued; start from the first page";
      case "missing_value" -> "a value is required";
      case "invalid_value" -> "a value does not fit the field";
      case "too_large" -> "the record is larger than the database stores";
      case "division_by_zero" -> "a division by zero";
      case "tenant_required" -> "the request names no tenant";
      case "out_of_range" -> "a value is out of range";
      case "not_found" -> "no such record";
      case "unique_violation" -> "another record has the same value";
      case "foreign_key_violation" ->
          "the record it refers to does not exist, or others still refer to this one";
      case "stale_record" -> "the record was changed since it was read; read it again";
      case "cardinality" -> "the related records stored leave no room for this change";
      case "lock_timeout" -> "another request holds the record; try again";
      case "serialization_failure", "conflict" ->
          "a concurrent change conflicted with this one; try again";
      case "unavailable" -> "the database is busy or unreachable; try again shortly";
      case "rolled_back" -> "the database was lost before the change was saved; nothing was "
          + "saved, try again shortly";
      case "timeout" -> "the database did not answer in time and the work was stopped";
      case "unsupported" -> "the service's database cannot do what this request asks";
      case "commit_outcome_unknown" ->
          "the change may or may not have been saved; check before repeating it";
      default -> null;
    };
  }

  /** "Model.field: ", "Model: " or nothing; the filter's message names them already. */
  private static String where(ToastyException e) {
    if (e instanceof InvalidFilterException || e instanceof UnknownJsonTypeException
        || e.category() == ErrorCategory.UNAVAILABLE
        || e.category() == ErrorCategory.TIMEOUT || e instanceof SerializationFailureException
        || e instanceof CommitOutcomeUnknownException) {
      return "";
    }
    return e.model().map(m -> m + e.field().map(f -> "." + f).orElse("") + ": ").orElse("");
  }
}
