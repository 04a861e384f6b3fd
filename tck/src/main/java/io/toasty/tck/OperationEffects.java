package io.toasty.tck;

import io.toasty.driver.Operation;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.ToastyException;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an {@link Operation} may leave behind in its database, for {@link Dirt}: whether it
 * writes, whether its SQL text is more than plain reads and writes of rows, and whether an error
 * it met says the database is done with it.
 */
final class OperationEffects {
  /** SELECT, INSERT, UPDATE or DELETE, with nothing before them (no comment, no WITH). */
  private static final Pattern PLAIN =
      Pattern.compile("(?is)\\s*(select|insert|update|delete)\\b.*");
  /** SELECT .. INTO makes a table on PostgreSQL, a file on MariaDB. */
  private static final Pattern SELECT_INTO = Pattern.compile("(?is)\\s*select\\b.*\\binto\\b.*");

  private OperationEffects() {}

  /**
   * Whether {@code op} may change rows (or commits changes): everything but the reads, so that
   * an operation added later counts as a write until it is listed here.
   */
  static boolean writes(Operation op) {
    if (op instanceof Operation.QuerySql q) {
      return !(q.statement() instanceof Query);
    }
    if (op instanceof Operation.RawSql r) {
      return !reads(r.text());
    }
    if (op instanceof Operation.Partiql p) {
      return !reads(p.text());
    }
    return !(op instanceof Operation.GetByKey || op instanceof Operation.QueryPk
        || op instanceof Operation.FindPkByIndex || op instanceof Operation.Scan
        || op instanceof Operation.Count);
  }

  /**
   * How many rows {@code op} sends back only once the database has run all of it: an insert's
   * rows, one per inserted row, when it returns records or keys; 0 when that is not known (any
   * other write, an insert returning a count). A write cancelled after that many rows came back
   * has run: a create read as one record cancels right after its row.
   */
  static int rowsOnceRun(Operation op) {
    InsertNode insert = op instanceof Operation.Insert i ? i.statement()
        : op instanceof Operation.QuerySql q && q.statement() instanceof InsertNode n ? n : null;
    if (insert == null || insert.returning() instanceof Returning.Count) {
      return 0;
    }
    return insert.rows().size();
  }

  /**
   * Why SQL text sent as {@link Operation.RawSql} may leave its database unlike a fresh one (DDL,
   * session or server settings, anything but a plain SELECT, INSERT, UPDATE or DELETE), or null.
   */
  static String unusualSql(List<String> text) {
    String sql = String.join("?", text);
    // more statements than one may hide anything after the first
    boolean one = sql.strip().replaceAll(";+$", "").indexOf(';') < 0;
    if (one && PLAIN.matcher(sql).matches() && !SELECT_INTO.matcher(sql).matches()) {
      return null;
    }
    String[] words = sql.strip().split("\\s+", 2);
    return "raw SQL " + words[0].toUpperCase(Locale.ROOT) + (one ? "" : "; ..");
  }

  private static boolean reads(List<String> text) {
    String sql = String.join("?", text).stripLeading().toLowerCase(Locale.ROOT);
    return (sql.startsWith("select") || sql.startsWith("exists"))
        && !SELECT_INTO.matcher(sql).matches();
  }

  /**
   * Whether {@code error}, met by an operation that reached the driver, says the database has
   * answered and is done with it (a constraint refused, a record missing). A timeout, a lost
   * connection, an unknown commit outcome or an error the library did not translate leave the
   * operation possibly still running there.
   */
  static boolean answered(Throwable error) {
    return error instanceof ToastyException && !(error instanceof QueryTimeoutException
        || error instanceof ConnectionLostException
        || error instanceof CommitOutcomeUnknownException);
  }
}
