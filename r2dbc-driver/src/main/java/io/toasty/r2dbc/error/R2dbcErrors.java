package io.toasty.r2dbc.error;

import io.r2dbc.spi.R2dbcException;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorFields;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.error.ServerErrors;
import org.jspecify.annotations.Nullable;

/** What R2DBC's exceptions tell of a database error, for {@link ErrorTranslator}. */
public final class R2dbcErrors implements ServerErrors {
  private static final R2dbcErrors INSTANCE = new R2dbcErrors();

  private R2dbcErrors() {}

  /** The translator of R2DBC errors for {@code dialect}'s backend and {@code schema}. */
  public static ErrorTranslator translator(SqlDialect dialect, Schema schema) {
    return new ErrorTranslator(dialect, schema, INSTANCE);
  }

  @Override
  public @Nullable String sqlState(Throwable error) {
    return error instanceof R2dbcException r ? r.getSqlState() : null;
  }

  @Override
  public @Nullable Object errorCode(Throwable error) {
    return error instanceof R2dbcException r ? r.getErrorCode() : null;
  }

  @Override
  public @Nullable ErrorFields fields(Throwable error) {
    return PostgresErrorFields.of(error);
  }
}
