package io.toasty.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Schema push could not add a constraint or index to an existing table, most often because the
 * rows stored there violate it (a value out of the range, a key whose target does not exist, two
 * rows under a new unique index). Where the backend's DDL is transactional (PostgreSQL) nothing of
 * the push was applied; elsewhere each statement applies on its own, the failed one applied
 * nothing, and a push after the rows are fixed goes on from there.
 */
public final class SchemaUpgradeException extends ToastyException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String constraint;
  private final String statement;

  /**
   * @param table      the table the constraint was to be added to
   * @param constraint the constraint's (or index's) name
   * @param statement  the statement the database refused
   * @param cause      the database's error
   */
  public SchemaUpgradeException(String table, String constraint, String statement,
      @Nullable Throwable cause) {
    super(null, null, "table " + table + ": adding " + constraint + " failed: "
        + (cause == null ? "refused" : cause.getMessage()) + "; the stored rows likely violate "
        + "it: fix or delete them, then push again (the statement: " + statement + ")", cause);
    this.table = Objects.requireNonNull(table, "table");
    this.constraint = Objects.requireNonNull(constraint, "constraint");
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** The table the constraint was to be added to. */
  public String table() {
    return table;
  }

  /** The constraint's or index's name. */
  public String constraint() {
    return constraint;
  }

  /** The statement the database refused. */
  public String statement() {
    return statement;
  }

  /**
   * {@link ErrorCategory#CONFLICT}: the stored rows conflict with the constraint; the same push
   * succeeds once they are fixed.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
