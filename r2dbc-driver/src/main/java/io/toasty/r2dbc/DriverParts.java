package io.toasty.r2dbc;

import io.toasty.r2dbc.codec.ValueCodec;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.render.SqlRenderer;

/** What every connection of one driver shares: dialect, renderer (with its cache), codec, errors. */
record DriverParts(SqlDialect dialect, SqlRenderer renderer, ValueCodec codec,
    ErrorTranslator errors) {}
