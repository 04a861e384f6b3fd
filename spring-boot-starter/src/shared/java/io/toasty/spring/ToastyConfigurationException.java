package io.toasty.spring;

import org.jspecify.annotations.Nullable;

/**
 * Why the starter could not make the {@code Db}; {@link ToastyFailureAnalyzer} turns it into a
 * start-up report with a description and an action.
 */
public final class ToastyConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of start-up failure, each with the action that fixes it. */
  public enum Problem {
    /** No {@code ConnectionFactory} and no {@code toasty.url}. */
    NO_DATABASE("Set toasty.url (or spring.r2dbc.url), or add an embedded database such as "
        + "io.r2dbc:r2dbc-h2 to the class path."),
    /** The URL names a backend Toasty has no dialect for. */
    UNKNOWN_URL("Use an R2DBC URL Toasty serves: r2dbc:h2:, r2dbc:postgresql:, r2dbc:mysql:, "
        + "r2dbc:mariadb:, r2dbc:sqlite: or dynamodb:."),
    /** The URL's backend has no R2DBC driver on the class path. */
    MISSING_DRIVER("Add the backend's R2DBC driver to the dependencies: "
        + "org.postgresql:r2dbc-postgresql, io.asyncer:r2dbc-mysql, io.r2dbc:r2dbc-h2 or "
        + "io.toasty:toasty-sqlite-bridge; for dynamodb: URLs, io.toasty:toasty-dynamo-driver."),
    /** The database's tables do not match the models ({@code toasty.schema=validate}). */
    SCHEMA_MISMATCH("Create the missing tables and columns (toasty.schema=push creates what is "
        + "missing), or point the application at the right database or schema."),
    /** {@code toasty.cursor-key} is shorter than 16 bytes. */
    BAD_CURSOR_KEY("Set toasty.cursor-key to a secret of at least 16 bytes (or leave it unset "
        + "for a random key per start)."),
    /** {@code toasty.schema=migrate} could not read or apply the migrations. */
    MIGRATION("Check toasty.migrations.location and the files there: the backend's folder "
        + "(postgresql, mariadb, h2, sqlite or dynamodb) holds V<n>__<name> files, each with "
        + "its U<n>__<name> undo file, one per version, as MigrationGenerator writes them."),
    /** {@code toasty.schema=reset} on a database that may hold data someone wants. */
    SCHEMA_RESET_REFUSED("Use toasty.schema=push or toasty.schema=migrate on this database, "
        + "or point toasty.schema=reset at an in-memory database (r2dbc:h2:mem:..). To drop "
        + "and recreate this database's tables at every start anyway, set "
        + "toasty.force-schema-reset=true."),
    /** A model in the index cannot be loaded, or the models do not fit together. */
    BAD_MODELS("Recompile the module that declares the models with toasty-codegen on its "
        + "annotation processor path, and check the model named above.");

    private final String action;

    Problem(String action) {
      this.action = action;
    }

    /** What to do about it. */
    public String action() {
      return action;
    }
  }

  private final Problem problem;

  /** A start-up failure of kind {@code problem}. */
  public ToastyConfigurationException(Problem problem, @Nullable String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  /** The kind of failure. */
  public Problem problem() {
    return problem;
  }
}
