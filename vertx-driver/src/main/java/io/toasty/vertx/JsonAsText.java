package io.toasty.vertx;

import io.toasty.value.Type;
import java.util.List;
import java.util.function.Predicate;

/**
 * A statement whose {@code jsonb} result columns come back as their text: vertx-pg-client
 * decodes a {@code jsonb} value into its own JSON objects, whose numbers are {@code double}s (a
 * 22-digit decimal in a document would come back rounded), and keeps no raw text of it. Wrapped
 * as {@code WITH toasty_rows(c1, ..) AS (statement) SELECT c1, c2::text, .. FROM toasty_rows},
 * the statement runs as it is (PostgreSQL allows an INSERT, UPDATE or DELETE with RETURNING
 * there, and inlines a plain query) and the library's own JSON codec reads the exact text
 * (SealedDocumentScenarios). Rows keep their order: the outer query only scans.
 */
final class JsonAsText {
  private static final String ROWS = "toasty_rows";

  private JsonAsText() {}

  /**
   * {@code sql} with each of its result {@code columns} for which {@code jsonb} holds read as
   * text, or {@code sql} itself (the same instance) when none does.
   */
  static String wrap(String sql, List<Type> columns, Predicate<Type> jsonb) {
    if (!any(columns, jsonb)) {
      return sql;
    }
    StringBuilder names = new StringBuilder();
    StringBuilder select = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String name = "c" + (i + 1);
      names.append(i == 0 ? "" : ", ").append(name);
      select.append(i == 0 ? "" : ", ").append(name)
          .append(jsonb.test(columns.get(i)) ? "::text" : "");
    }
    return "WITH " + ROWS + "(" + names + ") AS (" + sql + ") SELECT " + select + " FROM "
        + ROWS;
  }

  /** Whether a column is {@code jsonb}: a loop, as every direct read asks (no stream per read). */
  private static boolean any(List<Type> columns, Predicate<Type> jsonb) {
    for (Type column : columns) {
      if (jsonb.test(column)) {
        return true;
      }
    }
    return false;
  }
}
