package io.toasty.r2dbc.error;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.toasty.sql.error.ErrorFields;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ErrorFields} of an r2dbc-postgresql error. Loaded only for PostgreSQL errors, so only
 * where r2dbc-postgresql is on the class path.
 */
final class PostgresErrorFields {
  private PostgresErrorFields() {}

  /** The fields of {@code error}, or of the first PostgreSQL error among its causes; or null. */
  static @Nullable ErrorFields of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostgresqlException p) {
        ErrorDetails d = p.getErrorDetails();
        return ErrorFields.of(d.getTableName().orElse(null), d.getColumnName().orElse(null),
            d.getConstraintName().orElse(null), d.getDetail().orElse(null));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
