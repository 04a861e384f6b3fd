package io.toasty.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A filter, order or page read from untrusted input (a JSON document, query parameters) is not
 * acceptable: malformed, too large or too deep, an unknown operator, a field outside the model or
 * the caller's allow-list, a value that does not fit its field. Raised before any statement is
 * built; {@link #path()} names where in the input, in JSON path form ({@code $.or[2].age.$gte}).
 */
public final class InvalidFilterException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String path;

  /**
   * An error at {@code path} of the input, about {@code model}'s {@code field} where one is
   * known (either may be null).
   */
  public InvalidFilterException(@Nullable String model, @Nullable String field, String path,
      String message) {
    super(model, field, "at " + Objects.requireNonNull(path, "path") + ": " + message, null);
    this.path = path;
  }

  /** Where in the input the error is, in JSON path form ({@code $} is the document). */
  public String path() {
    return path;
  }

  /** {@link ErrorCategory#INVALID_INPUT}: a filter, order or page read from the request. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
