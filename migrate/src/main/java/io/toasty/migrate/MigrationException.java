package io.toasty.migrate;

import io.toasty.error.ErrorCategory;
import io.toasty.error.ToastyException;
import org.jspecify.annotations.Nullable;

/**
 * A migration could not be generated, read, applied or rolled back; the message names the
 * migration, table or column at fault and what to do.
 */
public class MigrationException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public MigrationException(String message, @Nullable Throwable cause) {
    super(null, null, message, cause);
  }

  /** An error about {@code table}'s {@code column} (either may be null). */
  public MigrationException(@Nullable String table, @Nullable String column, String message) {
    super(table, column, message, null);
  }

  /**
   * {@link ErrorCategory#INTERNAL}: migrations run at start-up and by tools; one that cannot be
   * generated, read or applied is a fault of the deployment, not of a request.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
