package io.toasty.vertx.error;

import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorFields;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.error.ServerErrors;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * What the Vert.x SQL clients' exceptions tell of a database error, for the shared
 * {@link ErrorTranslator}: the SQLSTATE and vendor code of a {@link DatabaseException}, and
 * PostgreSQL's error fields from a {@link PgException}.
 */
public final class VertxErrors implements ServerErrors {
  private static final VertxErrors INSTANCE = new VertxErrors();

  private VertxErrors() {}

  /** The translator of Vert.x errors for {@code dialect}'s backend and {@code schema}. */
  public static ErrorTranslator translator(SqlDialect dialect, Schema schema) {
    return new ErrorTranslator(dialect, schema, INSTANCE);
  }

  @Override
  public @Nullable String sqlState(Throwable error) {
    return error instanceof DatabaseException d ? d.getSqlState() : null;
  }

  @Override
  public @Nullable Object errorCode(Throwable error) {
    // PostgreSQL has no vendor code: Vert.x reports 0, which would read as MySQL's code 0
    return error instanceof DatabaseException d && !(error instanceof PgException)
        ? Integer.valueOf(d.getErrorCode()) : null;
  }

  @Override
  public @Nullable ErrorFields fields(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PgException p) {
        return ErrorFields.of(p.getTable(), p.getColumn(), p.getConstraint(), p.getDetail());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
