package io.toasty.vertx;

import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.vertx.codec.VertxCodec;

/** What every connection of a driver shares: dialect, renderer (with its cache), codec, errors. */
record VertxParts(SqlDialect dialect, SqlRenderer renderer, VertxCodec codec,
    ErrorTranslator errors) {}
