package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.toasty.r2dbc.codec.ValueCodec;
import io.toasty.r2dbc.error.R2dbcErrors;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.ServerParts;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.render.SqlRenderer;

/** What every connection of one driver shares: dialect, renderer (with its cache), codec, errors. */
record DriverParts(SqlDialect dialect, SqlRenderer renderer, ValueCodec codec,
    ErrorTranslator errors) {

  /** The parts of {@code dialect} for {@code schema}'s tables. */
  static DriverParts of(SqlDialect dialect, Schema schema) {
    return new DriverParts(dialect, new SqlRenderer(dialect, schema), new ValueCodec(dialect),
        R2dbcErrors.translator(dialect, schema));
  }

  /** A driver's parts, decided by the server its first connection reaches. */
  static ServerParts<DriverParts> forServer(SqlDialect configured, Schema schema) {
    return new ServerParts<>(configured, d -> of(d, schema));
  }

  /** The parts of {@code parts} for the server {@code connection} reaches. */
  static DriverParts of(ServerParts<DriverParts> parts, Connection connection) {
    return parts.forServer(() -> connection.getMetadata().getDatabaseVersion());
  }
}
