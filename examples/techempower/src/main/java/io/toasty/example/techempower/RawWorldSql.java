package io.toasty.example.techempower;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The SQL of the two raw implementations (r2dbc-postgresql and vertx-pg-client), the same text
 * for both. A request's worlds are written by one statement, as TechEmpower's fastest
 * PostgreSQL entries write them (a bulk update, which the rules allow):
 * {@code UPDATE world SET randomnumber = CASE id WHEN $1 THEN $2 .. ELSE randomnumber END
 * WHERE id IN ($1, $3, ..)}, the markers bound as id, number, id, number, ... The text is built
 * once per count of worlds (1 to 500) and kept.
 */
final class RawWorldSql {
  /** One World by id. */
  static final String WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
  /** Every fortune. */
  static final String FORTUNES = "SELECT id, message FROM fortune";

  private static final AtomicReferenceArray<String> BY_COUNT =
      new AtomicReferenceArray<>(TestHandlers.MAX_QUERIES + 1);

  private RawWorldSql() {}

  /** The update of {@code count} worlds. */
  static String bulkUpdate(int count) {
    String sql = BY_COUNT.get(count);
    if (sql == null) {
      sql = build(count);
      BY_COUNT.set(count, sql);
    }
    return sql;
  }

  private static String build(int count) {
    StringBuilder sql = new StringBuilder("UPDATE world SET randomnumber = CASE id");
    for (int i = 0; i < count; i++) {
      sql.append(" WHEN $").append(2 * i + 1).append(" THEN $").append(2 * i + 2);
    }
    sql.append(" ELSE randomnumber END WHERE id IN (");
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "$" : ", $").append(2 * i + 1);
    }
    return sql.append(')').toString();
  }
}
