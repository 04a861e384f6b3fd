package io.toasty.sql.dialect;

import java.util.List;

/**
 * How a backend stores a {@code @Json} field's document, binds it and reads a scalar inside it
 * ({@code Expr.JsonText}, the path's keys always bound as parameters).
 */
public enum JsonStorage {
  /** Text; no path reads (H2: its JSON type compares and returns bytes, not text). */
  TEXT("CHARACTER VARYING"),
  /** Text, read with {@code json_extract(doc, '$."a"."b"')} (SQLite's JSON functions). */
  TEXT_JSON_EXTRACT("TEXT"),
  /** {@code JSON}, read with {@code JSON_VALUE(doc, '$."a"."b"')} (MariaDB, MySQL). */
  JSON_VALUE("JSON"),
  /**
   * {@code jsonb}, bound as r2dbc-postgresql's {@code Json}, read with
   * {@code jsonb_extract_path_text(doc, 'a', 'b')} (PostgreSQL).
   */
  JSONB("JSONB");

  private final String columnType;

  JsonStorage(String columnType) {
    this.columnType = columnType;
  }

  /** The column type. */
  public String columnType() {
    return columnType;
  }

  /** The JSON path of {@code keys} as SQLite and MySQL/MariaDB read it: {@code $."a"."b"}. */
  public static String dollarPath(List<String> keys) {
    StringBuilder out = new StringBuilder("$");
    keys.forEach(k -> out.append(".\"").append(k).append('"'));
    return out.toString();
  }
}
