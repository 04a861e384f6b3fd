package io.toasty.sqlite;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * The open rows of a query, read on the bridge thread as they are asked for: each request
 * queues a read of at most {@code fetchSize} rows, and no row is read that nobody asked for.
 * Rows are handed on on a parallel thread ({@code publishOn} with {@code fetchSize} as prefetch).
 * Completion, an error, cancellation and closing the connection each close the JDBC result set
 * and statement on the bridge thread, once.
 */
final class RowCursor {
  private final JdbcSession session;
  private final BridgeWorker worker;
  private final PreparedStatement statement;
  private final ResultSet resultSet;
  private final SqliteRowMetadata metadata;
  private final String sql;
  private final int fetchSize;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  @SuppressWarnings("NullAway.Init") // set on subscription, before the first row is read
  private volatile FluxSink<SqliteRow> sink;
  private boolean closed; // bridge thread only
  private boolean terminated; // bridge thread only: complete or error signalled

  RowCursor(JdbcSession session, BridgeWorker worker, PreparedStatement statement,
      ResultSet resultSet, SqliteRowMetadata metadata, String sql, int fetchSize) {
    this.session = session;
    this.worker = worker;
    this.statement = statement;
    this.resultSet = resultSet;
    this.metadata = metadata;
    this.sql = sql;
    this.fetchSize = fetchSize;
  }

  /** The rows; a cursor is read once. */
  Flux<SqliteRow> rows() {
    return Flux.<SqliteRow>create(s -> {
      if (!subscribed.compareAndSet(false, true)) {
        s.error(new IllegalStateException("these rows were already read"));
        return;
      }
      sink = s;
      s.onRequest(n -> {
        demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        submit(this::drain);
      });
      s.onCancel(() -> submit(this::close));
    }).publishOn(Schedulers.parallel(), fetchSize);
  }

  /** Whether the rows were subscribed to. */
  boolean isSubscribed() {
    return subscribed.get();
  }

  /** Closes the cursor when its rows will not be read (on the bridge thread, later). */
  void discard() {
    submit(this::close);
  }

  private void submit(Runnable task) {
    if (!worker.execute(task)) {
      FluxSink<SqliteRow> s = sink;
      if (s != null) {
        s.error(BridgeWorker.shutDown());
      }
    }
  }

  private void drain() {
    FluxSink<SqliteRow> s = sink;
    if (s == null) {
      return;
    }
    if (closed) {
      if (!terminated && !s.isCancelled()) {
        terminated = true;
        s.error(new IllegalStateException("these rows were discarded, or their connection "
            + "closed, before they were read"));
      }
      return;
    }
    if (s.isCancelled()) {
      close();
      return;
    }
    long wanted = Math.min(demand.get(), fetchSize);
    try {
      for (long i = 0; i < wanted; i++) {
        if (!resultSet.next()) {
          close();
          terminated = true;
          s.complete();
          return;
        }
        SqliteRow row = new SqliteRow(metadata, session.readRow(resultSet, metadata.size()));
        demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1);
        s.next(row);
      }
    } catch (SQLException e) {
      close();
      terminated = true;
      s.error(SqliteExceptions.translate(e, sql));
      return;
    } catch (RuntimeException e) {
      close();
      terminated = true;
      s.error(e);
      return;
    }
    if (demand.get() > 0 && !closed) {
      submit(this::drain); // more to read: after whatever else is queued for this database
    }
  }

  /** Closes the result set and statement; on the bridge thread; once. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    session.forget(this);
    try {
      resultSet.close();
    } catch (SQLException ignored) {
      // the statement's close below releases what is left
    }
    try {
      statement.close();
    } catch (SQLException ignored) {
      // nothing more can be done for a statement that will not close
    }
  }

  /** Closes the cursor because its connection closes; a reader still reading gets an error. */
  void closeWithConnection() {
    boolean wasOpen = !closed;
    close();
    FluxSink<SqliteRow> s = sink;
    if (wasOpen && s != null && !s.isCancelled()) {
      terminated = true;
      s.error(new R2dbcNonTransientResourceException("the connection was closed while its rows "
          + "were being read", "08003"));
    }
  }
}
