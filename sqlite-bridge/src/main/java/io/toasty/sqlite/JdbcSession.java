package io.toasty.sqlite;

import io.r2dbc.spi.Nullability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;

/**
 * One sqlite-jdbc connection and everything done with it. Every method blocks and runs on the
 * database's bridge thread only (the {@link SqliteConnection} sees to that), so nothing here is
 * synchronized.
 */
final class JdbcSession {
  private final Connection jdbc;
  private final BridgeWorker worker;
  private final String version;
  private final Set<RowCursor> cursors = new LinkedHashSet<>();
  private final AtomicLong rowsRead = new AtomicLong();
  private boolean readUncommitted;
  private boolean queryOnly;

  private JdbcSession(Connection jdbc, BridgeWorker worker, String version) {
    this.jdbc = jdbc;
    this.worker = worker;
    this.version = version;
  }

  /**
   * Opens a connection with foreign keys enforced, no busy timeout of SQLite's own (see
   * {@link BusyRetry}) and, on a file, the configured journal mode.
   */
  static JdbcSession open(SqliteConfiguration config, BridgeWorker worker) throws SQLException {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(0);
    Connection jdbc = sqlite.createConnection(config.jdbcUrl());
    try {
      if (config.journalMode() != null
          && !config.journalMode().equalsIgnoreCase(queryString(jdbc, "PRAGMA journal_mode"))) {
        queryString(jdbc, "PRAGMA journal_mode = " + config.journalMode());
      }
      return new JdbcSession(jdbc, worker,
          Objects.requireNonNull(queryString(jdbc, "SELECT sqlite_version()"), "a version"));
    } catch (SQLException | RuntimeException e) {
      try {
        jdbc.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static @Nullable String queryString(Connection jdbc, String sql) throws SQLException {
    try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * Stops the statement running on the bridge thread at its next step ({@code sqlite3_interrupt};
   * callable from any thread, it does nothing when no statement runs).
   */
  void interrupt() {
    try {
      jdbc.unwrap(SQLiteConnection.class).getDatabase().interrupt();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot interrupt SQLite", e);
    }
  }

  String version() {
    return version;
  }

  /** Rows read from cursors so far (for tests: evidence that reading follows demand). */
  long rowsRead() {
    return rowsRead.get();
  }

  /** Open cursors (for tests). */
  int openCursors() {
    return cursors.size();
  }

  // ---- statements ----------------------------------------------------------------------------

  /**
   * Runs one command with its values. A query's rows stay behind a cursor read on demand; the
   * rows of anything else (a RETURNING clause, a PRAGMA) are read at once, so the statement is
   * finished, and its autocommit transaction committed, before this returns.
   */
  SqliteResult execute(SqlCommand command, String sql, Object[] values, int fetchSize)
      throws SQLException {
    if (command.kind() != SqlCommand.Kind.QUERY) {
      closeAbandonedCursors();
    }
    PreparedStatement statement = jdbc.prepareStatement(sql);
    boolean handedToCursor = false;
    try {
      for (int i = 0; i < values.length; i++) {
        bind(statement, i + 1, values[i]);
      }
      if (!statement.execute()) {
        long count = command.kind() == SqlCommand.Kind.DML ? statement.getUpdateCount() : 0;
        return SqliteResult.updateCount(Math.max(count, 0));
      }
      ResultSet resultSet = statement.getResultSet();
      SqliteRowMetadata metadata = metadata(statement, resultSet);
      if (command.kind() == SqlCommand.Kind.QUERY) {
        RowCursor cursor = new RowCursor(this, worker, statement, resultSet, metadata, sql,
            fetchSize);
        cursors.add(cursor);
        handedToCursor = true;
        return SqliteResult.cursor(cursor);
      }
      List<Object[]> rows = new ArrayList<>();
      while (resultSet.next()) {
        rows.add(readRow(resultSet, metadata.size()));
      }
      Long count = command.kind() == SqlCommand.Kind.DML ? (long) rows.size() : null;
      return SqliteResult.rows(metadata, rows, count);
    } finally {
      if (!handedToCursor) {
        statement.close();
      }
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value == ValueEncoder.NULL) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Long l) {
      statement.setLong(index, l);
    } else if (value instanceof Double d) {
      statement.setDouble(index, d);
    } else if (value instanceof String s) {
      statement.setString(index, s);
    } else if (value instanceof byte[] b) {
      statement.setBytes(index, b);
    } else {
      throw new IllegalStateException("parameter " + index + " holds an unexpected "
          + (value == null ? "null" : value.getClass().getName()));
    }
  }

  private static SqliteRowMetadata metadata(PreparedStatement statement, ResultSet resultSet)
      throws SQLException {
    ResultSetMetaData md = resultSet.getMetaData();
    int count = md.getColumnCount();
    CoreStatement core = (CoreStatement) statement;
    List<SqliteColumnMetadata> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int column = i;
      String declared = core.pointer.safeRun((db, ptr) -> db.column_decltype(ptr, column));
      int nullable = md.isNullable(i + 1);
      Nullability nullability = nullable == ResultSetMetaData.columnNoNulls ? Nullability.NON_NULL
          : nullable == ResultSetMetaData.columnNullable ? Nullability.NULLABLE
          : Nullability.UNKNOWN;
      columns.add(new SqliteColumnMetadata(md.getColumnLabel(i + 1), declared, nullability));
    }
    return new SqliteRowMetadata(columns);
  }

  /** The current row's values as storage classes: Long, Double, String, byte[] or null. */
  Object[] readRow(ResultSet resultSet, int columns) throws SQLException {
    Object[] values = new Object[columns];
    for (int i = 0; i < columns; i++) {
      Object value = resultSet.getObject(i + 1);
      values[i] = value instanceof Integer n ? (Object) n.longValue() : value;
    }
    rowsRead.incrementAndGet();
    return values;
  }

  /**
   * Closes the cursors whose rows nobody subscribed to, before this session writes or begins a
   * transaction. Such a cursor belongs to a query whose subscriber cancelled while its result was
   * on the way; left open, it keeps a read snapshot that makes the write or the
   * {@code BEGIN IMMEDIATE} fail with {@code SQLITE_BUSY_SNAPSHOT} once another connection has
   * written, for as long as the pooled connection lives.
   */
  void closeAbandonedCursors() {
    for (RowCursor cursor : new ArrayList<>(cursors)) {
      if (!cursor.isSubscribed()) {
        cursor.close();
      }
    }
  }

  void forget(RowCursor cursor) {
    cursors.remove(cursor);
  }

  // ---- transactions --------------------------------------------------------------------------

  /** Runs {@code begin} (a BEGIN statement) with the transaction's read-only and isolation. */
  void begin(String begin, boolean readOnly, boolean uncommitted) throws SQLException {
    setReadUncommitted(uncommitted);
    setQueryOnly(readOnly);
    closeAbandonedCursors();
    try {
      exec(begin);
    } catch (SQLException e) {
      setQueryOnly(false);
      throw e;
    }
  }

  /**
   * Runs {@code commit}; when it fails other than busy (a deferred foreign key, say), rolls the
   * transaction back, so that the connection is clean again.
   */
  void commit(String commit) throws SQLException {
    try {
      exec(commit);
    } catch (SQLException e) {
      if (!BusyRetry.isBusy(e)) {
        rollbackQuietly(e);
      }
      throw e;
    }
  }

  /** Runs {@code rollback}; a transaction SQLite already rolled back by itself is no error. */
  void rollback(String rollback) throws SQLException {
    try {
      exec(rollback);
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        throw e;
      }
    }
  }

  /** Puts back the connection's settings after a transaction. */
  void afterTransaction(boolean defaultReadUncommitted) throws SQLException {
    setQueryOnly(false);
    setReadUncommitted(defaultReadUncommitted);
  }

  void setReadUncommitted(boolean on) throws SQLException {
    if (readUncommitted != on) {
      exec("PRAGMA read_uncommitted = " + (on ? 1 : 0));
      readUncommitted = on;
    }
  }

  private void setQueryOnly(boolean on) throws SQLException {
    if (queryOnly != on) {
      exec("PRAGMA query_only = " + (on ? 1 : 0));
      queryOnly = on;
    }
  }

  private void rollbackQuietly(SQLException cause) {
    try {
      exec("ROLLBACK");
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        cause.addSuppressed(e);
      }
    }
  }

  void exec(String sql) throws SQLException {
    try (Statement s = jdbc.createStatement()) {
      s.execute(sql);
    }
  }

  /** Whether the connection answers a trivial query. */
  boolean isValid() {
    try {
      return !jdbc.isClosed() && "1".equals(queryString(jdbc, "SELECT 1"));
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Closes every cursor (their readers get an error), rolls back an open transaction, and
   * closes the connection.
   */
  void close(boolean inTransaction) throws SQLException {
    for (RowCursor cursor : new ArrayList<>(cursors)) {
      cursor.closeWithConnection();
    }
    cursors.clear();
    SQLException failure = null;
    if (inTransaction) {
      try {
        rollback("ROLLBACK");
      } catch (SQLException e) {
        failure = e;
      }
    }
    try {
      jdbc.close();
    } catch (SQLException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
