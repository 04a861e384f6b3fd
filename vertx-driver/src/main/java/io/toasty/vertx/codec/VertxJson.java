package io.toasty.vertx.codec;

import io.toasty.sql.codec.JsonParameters;
import io.vertx.core.json.Json;
import io.vertx.sqlclient.Tuple;

/**
 * PostgreSQL's {@code jsonb} as vertx-pg-client binds and reads it: a document as the value it
 * decodes to ({@code JsonObject}, {@code JsonArray}, a String, number or boolean; a JSON
 * {@code null} as {@link Tuple#JSON_NULL}), since a String would be bound as a JSON string.
 */
final class VertxJson implements JsonParameters {
  static final VertxJson INSTANCE = new VertxJson();

  private VertxJson() {}

  /** The document as Vert.x binds it, its numbers exact ({@link ExactJson}). */
  @Override
  public Object parameter(String text) {
    Object decoded = ExactJson.read(text);
    return decoded == null ? Tuple.JSON_NULL : decoded;
  }

  @Override
  public Class<?> nullClass() {
    return Object.class;
  }

  /** The document's text: its JSON, a String quoted as a JSON string. */
  @Override
  public String text(Object raw) {
    return raw == Tuple.JSON_NULL ? "null" : Json.encode(raw);
  }
}
