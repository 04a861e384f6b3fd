package io.toasty.vertx;

import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.ErrorTranslator;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.vertx.codec.VertxCodec;
import io.toasty.vertx.error.VertxErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every connection of a driver shares: dialect, renderer (with its cache), codec, errors,
 * each table's primary key columns ({@link BoundedRead}) and the first pages of streamed reads
 * ({@link FirstPages}).
 */
record VertxParts(SqlDialect dialect, SqlRenderer renderer, VertxCodec codec,
    ErrorTranslator errors, Map<String, List<Integer>> keys, FirstPages firstPages) {
  VertxParts {
    keys = Map.copyOf(keys);
  }

  /** The parts of {@code dialect} for {@code schema}'s tables. */
  static VertxParts of(SqlDialect dialect, Schema schema) {
    SqlRenderer renderer = new SqlRenderer(dialect, schema);
    return new VertxParts(dialect, renderer, new VertxCodec(dialect),
        VertxErrors.translator(dialect, schema), keysOf(schema),
        new FirstPages(renderer, FirstPages.PAGES));
  }

  /** The primary key columns of each of {@code schema}'s tables. */
  static Map<String, List<Integer>> keysOf(Schema schema) {
    return schema.tables().stream()
        .collect(Collectors.toMap(TableSchema::name, TableSchema::primaryKey));
  }
}
