package io.toasty.sql.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fields PostgreSQL sends with an error (table, column, constraint, detail), which name what
 * was violated more precisely than the message; each transport reads them from its own exception
 * ({@link ServerErrors#fields}).
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
public record ErrorFields(@Nullable String table, @Nullable String column,
    @Nullable String constraint, List<String> keyColumns, boolean referenced,
    @Nullable String keyValues) {
  private static final Pattern KEY = Pattern.compile("^Key \\(([^)]*)\\)=");
  private static final Pattern VALUES = Pattern.compile(
      "^Key \\([^)]*\\)=\\((.*)\\) is (?:not present|still referenced)");

  /** The fields of an error whose detail ({@code null}: none) is PostgreSQL's. */
  public static ErrorFields of(@Nullable String table, @Nullable String column,
      @Nullable String constraint, @Nullable String detail) {
    String text = detail == null ? "" : detail;
    List<String> columns = new ArrayList<>();
    Matcher m = KEY.matcher(text);
    if (m.find()) {
      for (String c : m.group(1).split(",")) {
        String name = c.trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        columns.add(name);
      }
    }
    Matcher v = VALUES.matcher(text);
    return new ErrorFields(table, column, constraint, List.copyOf(columns),
        text.contains("still referenced"), v.find() ? v.group(1) : null);
  }
}
