package io.toasty.sqlite;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns sqlite-jdbc's {@link SQLException}s into the R2DBC exception hierarchy.
 *
 * <p>The message is SQLite's own ({@code UNIQUE constraint failed: users.email}), without
 * sqlite-jdbc's {@code [SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (...)} wrapping; the
 * vendor code is SQLite's extended result code (2067 for a unique index, 1555 for a primary
 * key); the SQL is the statement that failed; the cause is the original exception.
 *
 * <table>
 *   <caption>SQLite result codes and what they become</caption>
 *   <tr><th>result code</th><th>exception</th><th>SQLSTATE</th></tr>
 *   <tr><td>CONSTRAINT_UNIQUE, CONSTRAINT_PRIMARYKEY</td><td>DataIntegrityViolation</td>
 *       <td>23505</td></tr>
 *   <tr><td>CONSTRAINT_FOREIGNKEY</td><td>DataIntegrityViolation</td><td>23503</td></tr>
 *   <tr><td>CONSTRAINT_NOTNULL</td><td>DataIntegrityViolation</td><td>23502</td></tr>
 *   <tr><td>CONSTRAINT_CHECK</td><td>DataIntegrityViolation</td><td>23514</td></tr>
 *   <tr><td>other CONSTRAINT</td><td>DataIntegrityViolation</td><td>23000</td></tr>
 *   <tr><td>MISMATCH, TOOBIG</td><td>DataIntegrityViolation</td><td>22000, 22001</td></tr>
 *   <tr><td>BUSY, LOCKED (after the busy timeout)</td><td>TransientResource</td>
 *       <td>HYT00</td></tr>
 *   <tr><td>ERROR: syntax error, unrecognized token, incomplete input</td><td>BadGrammar</td>
 *       <td>42000</td></tr>
 *   <tr><td>ERROR: no such table / column, already exists</td><td>BadGrammar</td>
 *       <td>42S02 / 42S22 / 42S01</td></tr>
 *   <tr><td>ERROR: no such savepoint</td><td>NonTransientResource</td><td>3B001</td></tr>
 *   <tr><td>ERROR: transaction state (cannot start / commit / rollback)</td>
 *       <td>NonTransientResource</td><td>25000</td></tr>
 *   <tr><td>READONLY</td><td>PermissionDenied</td><td>25006</td></tr>
 *   <tr><td>AUTH, PERM</td><td>PermissionDenied</td><td>42501</td></tr>
 *   <tr><td>INTERRUPT</td><td>Timeout</td><td>57014</td></tr>
 *   <tr><td>ABORT_ROLLBACK, ABORT</td><td>Rollback</td><td>40000</td></tr>
 *   <tr><td>CANTOPEN</td><td>NonTransientResource</td><td>08001</td></tr>
 *   <tr><td>FULL, NOMEM, anything else</td><td>NonTransientResource</td>
 *       <td>53100, 53200, HY000</td></tr>
 * </table>
 */
final class SqliteExceptions {
  private SqliteExceptions() {}

  /** {@code error} as an R2DBC exception when it is an {@link SQLException}; else itself. */
  static Throwable translate(Throwable error, @Nullable String sql) {
    if (error instanceof SQLiteException s) {
      return translate(s, sql);
    }
    if (error instanceof SQLException e) {
      String state = e.getSQLState() == null ? "HY000" : e.getSQLState();
      return new R2dbcNonTransientResourceException(e.getMessage(), state, e.getErrorCode(), sql,
          e);
    }
    return error;
  }

  private static R2dbcException translate(SQLiteException e, @Nullable String sql) {
    SQLiteErrorCode code = e.getResultCode();
    int vendor = code.code;
    String message = sqliteMessage(e);
    switch (vendor & 0xff) {
      case 19: // SQLITE_CONSTRAINT
        return new R2dbcDataIntegrityViolationException(message, constraintState(code), vendor,
            sql, e);
      case 20: // SQLITE_MISMATCH
        return new R2dbcDataIntegrityViolationException(message, "22000", vendor, sql, e);
      case 18: // SQLITE_TOOBIG
        return new R2dbcDataIntegrityViolationException(message, "22001", vendor, sql, e);
      case 5: // SQLITE_BUSY
      case 6: // SQLITE_LOCKED
        return new R2dbcTransientResourceException(message, "HYT00", vendor, sql, e);
      case 1: // SQLITE_ERROR
        return sqlError(message, vendor, sql, e);
      case 8: // SQLITE_READONLY
        return new R2dbcPermissionDeniedException(message, "25006", vendor, sql, e);
      case 3: // SQLITE_PERM
      case 23: // SQLITE_AUTH
        return new R2dbcPermissionDeniedException(message, "42501", vendor, sql, e);
      case 9: // SQLITE_INTERRUPT
        return new R2dbcTimeoutException(message, "57014", vendor, sql, e);
      case 4: // SQLITE_ABORT
        return new R2dbcRollbackException(message, "40000", vendor, sql, e);
      case 14: // SQLITE_CANTOPEN
        return new R2dbcNonTransientResourceException(message, "08001", vendor, sql, e);
      case 13: // SQLITE_FULL
        return new R2dbcNonTransientResourceException(message, "53100", vendor, sql, e);
      case 7: // SQLITE_NOMEM
        return new R2dbcNonTransientResourceException(message, "53200", vendor, sql, e);
      default:
        return new R2dbcNonTransientResourceException(message, "HY000", vendor, sql, e);
    }
  }

  private static String constraintState(SQLiteErrorCode code) {
    switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        return "23505";
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return "23503";
      case SQLITE_CONSTRAINT_NOTNULL:
        return "23502";
      case SQLITE_CONSTRAINT_CHECK:
        return "23514";
      default:
        return "23000";
    }
  }

  private static R2dbcException sqlError(String message, int vendor, @Nullable String sql,
      Throwable e) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("no such savepoint")) {
      return new R2dbcNonTransientResourceException(message, "3B001", vendor, sql, e);
    }
    if (m.contains("no such table") || m.contains("no such view")) {
      return new R2dbcBadGrammarException(message, "42S02", vendor, sql, e);
    }
    if (m.contains("no such column") || m.contains("has no column named")) {
      return new R2dbcBadGrammarException(message, "42S22", vendor, sql, e);
    }
    if (m.contains("already exists")) {
      return new R2dbcBadGrammarException(message, "42S01", vendor, sql, e);
    }
    if (m.contains("transaction")) {
      return new R2dbcNonTransientResourceException(message, "25000", vendor, sql, e);
    }
    if (m.contains("syntax error") || m.contains("unrecognized token")
        || m.contains("incomplete input") || m.contains("no such function")
        || m.contains("ambiguous column") || m.contains("wrong number of arguments")
        || m.contains("misuse of") || m.contains("no such") || m.contains("near \"")) {
      return new R2dbcBadGrammarException(message, "42000", vendor, sql, e);
    }
    return new R2dbcNonTransientResourceException(message, "HY000", vendor, sql, e);
  }

  /**
   * SQLite's own message: sqlite-jdbc writes {@code "<code> <description> (<message>)"}, where
   * the message is what {@code sqlite3_errmsg} said.
   */
  static String sqliteMessage(SQLiteException e) {
    String full = e.getMessage();
    if (full == null) {
      return e.getResultCode().message;
    }
    String prefix = e.getResultCode().toString() + " (";
    if (full.startsWith(prefix) && full.endsWith(")")) {
      return full.substring(prefix.length(), full.length() - 1);
    }
    return full;
  }
}
