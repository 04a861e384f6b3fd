package io.toasty.r2dbc.error;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fields PostgreSQL sends with an error (table, column, constraint, detail), which name what
 * was violated more precisely than the message. Loaded only for PostgreSQL errors, so only where
 * r2dbc-postgresql is on the class path.
 *
 * @param table      the table the constraint belongs to (the referencing one for a foreign key)
 * @param column     the column, for a not-null violation
 * @param constraint the constraint's name
 * @param keyColumns the columns of the detail's {@code Key (a, b)=(...)}
 * @param referenced whether the detail says the key is still referenced (a parent row was
 *                   changed), rather than missing
 * @param keyValues  the values of the detail's {@code Key (..)=(99)} as PostgreSQL spells them
 *                   (only the key's: the detail holds no other value of the row), or null
 */
record PostgresErrorFields(@Nullable String table, @Nullable String column,
    @Nullable String constraint, List<String> keyColumns, boolean referenced,
    @Nullable String keyValues) {
  private static final Pattern KEY = Pattern.compile("^Key \\(([^)]*)\\)=");
  private static final Pattern VALUES = Pattern.compile(
      "^Key \\([^)]*\\)=\\((.*)\\) is (?:not present|still referenced)");

  /** The fields of {@code error}, or of the first PostgreSQL error among its causes; or null. */
  static @Nullable PostgresErrorFields of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostgresqlException p) {
        ErrorDetails d = p.getErrorDetails();
        String detail = d.getDetail().orElse("");
        List<String> columns = new ArrayList<>();
        Matcher m = KEY.matcher(detail);
        if (m.find()) {
          for (String c : m.group(1).split(",")) {
            String name = c.trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
              name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            columns.add(name);
          }
        }
        return new PostgresErrorFields(d.getTableName().orElse(null),
            d.getColumnName().orElse(null), d.getConstraintName().orElse(null),
            List.copyOf(columns), detail.contains("still referenced"), values(detail));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static @Nullable String values(String detail) {
    Matcher m = VALUES.matcher(detail);
    return m.find() ? m.group(1) : null;
  }
}
