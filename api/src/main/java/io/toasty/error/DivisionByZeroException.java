package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A division or remainder by zero ({@code x / 0}, {@code x % 0}) in a filter, order, projection,
 * aggregate or update assignment: SQLSTATE {@code 22012} on every backend. PostgreSQL and H2 raise
 * it themselves; SQLite and MariaDB, whose own division by zero is NULL, get each divisor written
 * as a check that fails; the engine (DynamoDB) raises it as it evaluates. A NULL dividend or
 * divisor gives NULL, not this error. An update that fails with it writes nothing.
 */
public class DivisionByZeroException extends DriverException {
  private static final long serialVersionUID = 1L;

  /**
   * @param backend the backend, or {@code "engine"} for the engine's own evaluation
   * @param model   the model whose statement divided, or {@code null} when it cannot be told
   * @param message what was divided (the expression or its values), and by what
   * @param cause   the database's error, or {@code null}
   */
  public DivisionByZeroException(String backend, @Nullable String model, String message,
      @Nullable Throwable cause) {
    super(backend, model, "22012", message, cause);
  }

  /**
   * {@link ErrorCategory#INVALID_INPUT}: a data error (SQLSTATE class 22) of the values the
   * statement was given, like an overflow; the same values fail again.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
