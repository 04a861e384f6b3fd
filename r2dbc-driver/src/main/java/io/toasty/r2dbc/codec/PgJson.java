package io.toasty.r2dbc.codec;

import io.r2dbc.postgresql.codec.Json;
import io.toasty.sql.codec.JsonParameters;

/**
 * PostgreSQL's {@code jsonb} through r2dbc-postgresql's {@link Json} (a String would be bound as
 * {@code varchar}, which a {@code jsonb} column refuses). Apart, so that only a PostgreSQL
 * connection loads the optional driver's class.
 */
final class PgJson implements JsonParameters {

  @Override
  public Object parameter(String text) {
    return Json.of(text);
  }

  @Override
  public Class<?> nullClass() {
    return Json.class;
  }

  /** The text of a value read from a {@code jsonb} column. */
  @Override
  public String text(Object raw) {
    return raw instanceof Json j ? j.asString() : raw.toString();
  }
}
