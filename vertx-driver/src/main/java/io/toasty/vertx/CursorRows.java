package io.toasty.vertx;

import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A statement's rows read from a cursor, a batch of at most {@code fetch} rows at a time and only
 * while the subscriber asks for more: a result of any size holds at most one batch in memory
 * (the sink's buffer takes the rest of a batch the subscriber has not asked for yet). PostgreSQL
 * keeps the cursor only within a transaction; the caller begins one.
 */
final class CursorRows {
  private final Cursor cursor;
  private final PreparedStatement prepared;
  private final FluxSink<Row> sink;
  private final int fetch;
  /** A read is under way: the next one waits for its batch. */
  private final AtomicBoolean reading = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private CursorRows(Cursor cursor, PreparedStatement prepared, FluxSink<Row> sink, int fetch) {
    this.cursor = cursor;
    this.prepared = prepared;
    this.sink = sink;
    this.fetch = fetch;
  }

  /** The rows of {@code sql} run once with {@code args}, prepared when subscribed. */
  static Flux<Row> of(SqlConnection connection, String sql, Tuple args, int fetch) {
    return Futures.mono(() -> connection.prepare(sql))
        .flatMapMany(prepared -> Flux.<Row>create(sink -> {
          CursorRows rows = new CursorRows(prepared.cursor(args), prepared, sink, fetch);
          sink.onRequest(n -> rows.readMore());
          sink.onDispose(rows::close);
        }));
  }

  /** Reads the next batch if the subscriber wants rows and no read is under way. */
  private void readMore() {
    if (sink.isCancelled() || sink.requestedFromDownstream() == 0
        || !reading.compareAndSet(false, true)) {
      return;
    }
    cursor.read(fetch).onSuccess(this::batch).onFailure(this::failed);
  }

  private void batch(RowSet<Row> rows) {
    for (Row row : rows) {
      if (sink.isCancelled()) {
        // a row failed downstream (a reader's error) and the cursor is closed already: asking
        // it for more would throw on Vert.x's thread (DirectReadTest, a null read into a
        // primitive)
        return;
      }
      sink.next(row);
    }
    if (sink.isCancelled()) {
      return;
    }
    if (!cursor.hasMore()) {
      sink.complete();
      return;
    }
    reading.set(false);
    readMore();
  }

  private void failed(Throwable error) {
    sink.error(error);
  }

  /** Closes the cursor and the statement, once: after the last row, an error or a cancel. */
  private void close() {
    if (closed.compareAndSet(false, true)) {
      cursor.close().onComplete(done -> prepared.close());
    }
  }
}
