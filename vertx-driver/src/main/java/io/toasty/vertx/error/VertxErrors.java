package io.toasty.vertx.error;

import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorFields;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.error.ServerErrors;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * What the Vert.x SQL clients' exceptions tell of a database error, for the shared
 * {@link ErrorTranslator}: the SQLSTATE and vendor code of a {@link DatabaseException},
 * PostgreSQL's error fields from a {@link PgException}, and MariaDB's and MySQL's own message
 * from a {@link MySQLException}.
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

  /**
   * MariaDB's or MySQL's own message: vertx-mysql-client's exception message wraps it as
   * {@code {errorMessage=<message>, errorCode=<code>, sqlState=<state>}}, and the translator
   * reads the key name at the end of "Duplicate entry '..' for key '..'".
   */
  @Override
  public @Nullable String message(Throwable error) {
    if (!(error instanceof MySQLException m) || m.getMessage() == null) {
      return null;
    }
    String text = m.getMessage();
    String head = "{errorMessage=";
    String tail = ", errorCode=" + m.getErrorCode() + ", sqlState=" + m.getSqlState() + "}";
    return text.startsWith(head) && text.endsWith(tail)
        ? text.substring(head.length(), text.length() - tail.length()) : null;
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
