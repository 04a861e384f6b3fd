package io.toasty.sql.error;

import io.toasty.Redaction;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.ToastyException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the database's own error text out of a translated error when the failed statement
 * touches a {@code @Sensitive} field: databases echo the offending value (MariaDB's "Duplicate
 * entry 'x'", H2's "VALUES ('x')", PostgreSQL's "Key (c)=(x)"), and no value of such a field may
 * reach a message. The typed error keeps its class, model, field and constraint; its text and its
 * cause lose the database's words (the cause keeps its class and SQLSTATE).
 */
final class Withheld {
  static final String TEXT = "database text withheld: the statement touches a sensitive field";

  private Withheld() {}

  /** Whether errors of statements on {@code table} (or on an unknown table) are withheld. */
  static boolean applies(Schema schema, @Nullable String table) {
    for (ModelSchema m : schema.models()) {
      if ((table == null || m.tableName().equals(table)) && Redaction.hasSensitive(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code translated} without {@code databaseText}, with a cause that tells only the original
   * error's class and SQLSTATE; {@code translated} itself when it is of a class whose text the
   * database does not fill.
   */
  static Throwable of(Throwable translated, @Nullable Throwable original, @Nullable String sqlState,
      String databaseText) {
    if (!(translated instanceof ToastyException t) || translated == original) {
      return translated;
    }
    Throwable cause = new DatabaseError((original == null ? "null" : original.getClass().getName())
        + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")") + ": " + TEXT);
    String model = t.model().orElse(null);
    String field = t.field().orElse(null);
    String text = scrub(own(t), databaseText);
    if (t.getClass() == UniqueViolationException.class) {
      return new UniqueViolationException(model, field, text, cause);
    }
    if (t.getClass() == ForeignKeyViolationException.class) {
      return new ForeignKeyViolationException(model, field, text, cause);
    }
    if (t.getClass() == NotNullViolationException.class) {
      return new NotNullViolationException(model, field, text, cause);
    }
    if (t.getClass() == ValueOutOfRangeException.class) {
      return new ValueOutOfRangeException(model, field, text, cause);
    }
    if (t.getClass() == DriverException.class) {
      return new DriverException(backendOf(t), sqlState, scrub(bare(t), databaseText), cause);
    }
    return translated;
  }

  /** The message as given to the constructor, without the "Model.field: " prefix. */
  private static String own(ToastyException t) {
    String m = Objects.requireNonNull(t.getMessage()); // composed, never null
    String prefix = t.model().map(x -> x + t.field().map(f -> "." + f).orElse("") + ": ")
        .orElse("");
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  private static String backendOf(ToastyException t) {
    String m = Objects.requireNonNull(t.getMessage()); // composed, never null
    return m.startsWith("[") && m.indexOf(']') > 0 ? m.substring(1, m.indexOf(']')) : "?";
  }

  /** A {@link DriverException}'s text between "[backend] " and " (SQLSTATE ..)". */
  private static String bare(ToastyException t) {
    String m = Objects.requireNonNull(t.getMessage()); // composed, never null
    int start = m.indexOf("] ");
    m = start >= 0 ? m.substring(start + 2) : m;
    int state = m.lastIndexOf(" (SQLSTATE ");
    return state >= 0 ? m.substring(0, state) : m;
  }

  private static String scrub(String text, @Nullable String databaseText) {
    if (databaseText == null || databaseText.isEmpty()) {
      return text;
    }
    return text.replace(databaseText, TEXT);
  }

  /** The database's error, reduced to its class and SQLSTATE. */
  static final class DatabaseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseError(String message) {
      super(message, null, false, false);
    }
  }
}
