package io.toasty.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SQL statement of a statement string, with what the bridge must know before running it:
 * its kind, its bind parameters and where a {@code RETURNING} clause would go.
 *
 * @param sql            the statement's text, without a trailing {@code ;}
 * @param kind           how the connection runs it
 * @param parameterCount the number of parameter slots (SQLite's largest parameter index)
 * @param names          named parameters ({@code :a}, {@code @a}, {@code $a}, {@code ?7}) by
 *                       their full name, to their 0-based slot
 * @param hasReturning   whether the statement already has a top-level {@code RETURNING}
 * @param end            the offset in {@code sql} just after its last token (before trailing
 *                       comments), where a {@code RETURNING} clause is appended
 */
record SqlCommand(String sql, Kind kind, int parameterCount, Map<String, Integer> names,
    boolean hasReturning, int end) {

  /** How a statement is run. */
  enum Kind {
    /** SELECT, VALUES, EXPLAIN, WITH .. SELECT: rows stream from a cursor; no write permit. */
    QUERY,
    /** INSERT, REPLACE, UPDATE, DELETE (also behind WITH): counts rows; RETURNING rows eagerly. */
    DML,
    /** BEGIN [DEFERRED | IMMEDIATE | EXCLUSIVE] [TRANSACTION]. */
    BEGIN,
    /** COMMIT or END [TRANSACTION]. */
    COMMIT,
    /** ROLLBACK [TRANSACTION], not ROLLBACK TO. */
    ROLLBACK,
    /** SAVEPOINT name: begins a transaction first when none is active. */
    SAVEPOINT,
    /** Anything else (DDL, PRAGMA, RELEASE, ROLLBACK TO, VACUUM, ...): may write. */
    OTHER
  }

  /**
   * The text to run: with {@code RETURNING} and the requested columns appended to a DML statement
   * that has none, when {@code generatedColumns} is not {@code null}; no columns means
   * {@code RETURNING *}.
   */
  String sql(String @Nullable [] generatedColumns) {
    if (generatedColumns == null || kind != Kind.DML || hasReturning) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length() + 32).append(sql, 0, end)
        .append(" RETURNING ");
    if (generatedColumns.length == 0) {
      out.append('*');
    }
    for (int i = 0; i < generatedColumns.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      appendColumn(out, generatedColumns[i]);
    }
    return out.append(sql, end, sql.length()).toString();
  }

  /** A column name quoted as an identifier, unless it is quoted already. */
  private static void appendColumn(StringBuilder out, String column) {
    String c = column.strip();
    if (c.length() >= 2 && (c.charAt(0) == '"' || c.charAt(0) == '`' || c.charAt(0) == '[')) {
      out.append(c);
      return;
    }
    out.append('"').append(c.replace("\"", "\"\"")).append('"');
  }

  /** The 0-based slots a name binds: exact for {@code :a}, {@code ?3}; else every prefix. */
  List<Integer> slotsOf(String name) {
    List<Integer> slots = new ArrayList<>(1);
    if (!name.isEmpty() && ":@$?".indexOf(name.charAt(0)) >= 0) {
      Integer slot = names.get(name);
      if (slot != null) {
        slots.add(slot);
      }
      return slots;
    }
    for (char prefix : new char[] {':', '@', '$'}) {
      Integer slot = names.get(prefix + name);
      if (slot != null && !slots.contains(slot)) {
        slots.add(slot);
      }
    }
    return slots;
  }
}
