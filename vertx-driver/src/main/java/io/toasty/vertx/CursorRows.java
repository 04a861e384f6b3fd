package io.toasty.vertx;

import io.vertx.core.AsyncResult;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A statement's rows read from a cursor, a batch of at most {@code fetch} rows at a time and only
 * while the subscriber asks for more: a result of any size holds at most two batches in memory,
 * the one being handed on and the next, which is asked for as soon as the one before arrived so
 * that the server sends it meanwhile. PostgreSQL keeps the cursor only within a transaction; the
 * caller begins one.
 *
 * <p>The rows go to the subscriber straight from the batch, as its demand allows, in one drain
 * loop: a {@code Flux.create} sink queued and dequeued every row, with an atomic operation or
 * two each, which was an eighth of an include's CPU on this transport
 * (docs/design/performance.md, "The Vert.x transport").
 */
final class CursorRows implements Subscription {
  private static final AtomicIntegerFieldUpdater<CursorRows> WIP =
      AtomicIntegerFieldUpdater.newUpdater(CursorRows.class, "wip");
  private static final AtomicLongFieldUpdater<CursorRows> REQUESTED =
      AtomicLongFieldUpdater.newUpdater(CursorRows.class, "requested");
  private static final AtomicIntegerFieldUpdater<CursorRows> CLOSED =
      AtomicIntegerFieldUpdater.newUpdater(CursorRows.class, "closed");

  private final Cursor cursor;
  private final PreparedStatement prepared;
  private final Subscriber<? super Row> actual;
  private final int fetch;
  private volatile int wip;
  private volatile long requested;
  private volatile int closed;
  private volatile boolean cancelled;
  /** The rows of the batch being handed on; null before the first and once taken. */
  private volatile @Nullable Iterator<Row> batch;
  /** The batch after it, read while it is handed on; null when none came yet. */
  private volatile @Nullable Iterator<Row> ahead;
  /**
   * A batch that came and that the drain loop has not placed yet: only that loop sets
   * {@link #batch} and {@link #ahead}, so that a batch arriving on Vert.x's thread while the
   * subscriber's thread drains is never overwritten.
   */
  private volatile @Nullable Iterator<Row> came;
  /** A read is under way: the next waits for its batch. */
  private volatile boolean reading;
  /** The cursor has no more rows (the last batch arrived) or a read failed. */
  private volatile boolean last;
  private volatile @Nullable Throwable error;
  /** A terminal signal went to the subscriber, or it cancelled: nothing more goes. */
  private boolean done;

  private CursorRows(Cursor cursor, PreparedStatement prepared, Subscriber<? super Row> actual,
      int fetch) {
    this.cursor = cursor;
    this.prepared = prepared;
    this.actual = actual;
    this.fetch = fetch;
  }

  /** The rows of {@code sql} run once with {@code args}, prepared when subscribed. */
  static Flux<Row> of(SqlConnection connection, String sql, Tuple args, int fetch) {
    return Futures.mono(() -> connection.prepare(sql))
        .flatMapMany(prepared -> Flux.<Row>from(subscriber -> subscriber.onSubscribe(
            new CursorRows(prepared.cursor(args), prepared, subscriber, fetch))));
  }

  @Override
  public void request(long n) {
    if (Operators.validate(n)) {
      Operators.addCap(REQUESTED, this, n);
      drain();
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    drain();
  }

  /**
   * Hands on rows while there are demand and rows; asks the cursor for the next batch as soon as
   * the last one arrived (so that the server sends it while this one is handed on), and ends the
   * rows once the cursor has no more. One thread at a time runs it (the {@code wip} count): the
   * subscriber's requests and the batches' arrival on Vert.x's thread both call it.
   */
  private void drain() {
    if (WIP.getAndIncrement(this) != 0) {
      return;
    }
    int missed = 1;
    do {
      if (done) {
        return;
      }
      if (cancelled) {
        stop();
        return;
      }
      place();
      readAhead();
      handOnAll();
      if (done) {
        return;
      }
      // reading first: a batch that came before its read ended is seen in the fields after it
      if (!reading && came == null && batch == null && ahead == null && last) {
        done = true;
        close();
        Throwable e = error;
        if (e != null) {
          actual.onError(e);
        } else {
          actual.onComplete();
        }
        return;
      }
      readAhead();
      missed = WIP.addAndGet(this, -missed);
    } while (missed != 0);
  }

  /** Puts a batch that came in its place: the one handed on, or the next. */
  private void place() {
    Iterator<Row> rows = came;
    if (rows == null) {
      return;
    }
    came = null;
    if (batch == null) {
      batch = rows;
    } else {
      ahead = rows;
    }
  }

  /** Asks for the next batch where the subscriber wants rows and no batch waits or is coming. */
  private void readAhead() {
    if (!reading && came == null && !last && ahead == null && requested > 0) {
      reading = true;
      cursor.read(fetch).onComplete(this::arrived);
    }
  }

  /** Hands on rows of the batch, then of the one after it, while the demand lasts. */
  private void handOnAll() {
    for (;;) {
      long emitted = handOn(requested);
      if (done) {
        return;
      }
      if (emitted != 0 && requested != Long.MAX_VALUE) {
        REQUESTED.addAndGet(this, -emitted);
      }
      Iterator<Row> rows = batch;
      if (rows != null && rows.hasNext()) {
        return; // the demand ran out first
      }
      batch = ahead;
      ahead = null;
      if (batch == null) {
        return;
      }
    }
  }

  /** Hands on at most {@code demand} rows of the batch; how many went. */
  private long handOn(long demand) {
    Iterator<Row> rows = batch;
    long emitted = 0;
    while (rows != null && emitted != demand && rows.hasNext()) {
      if (cancelled) {
        // a row failed downstream (a reader's error), which cancelled: the cursor closes and
        // is asked for nothing more (DirectReadTest, a null read into a primitive)
        stop();
        return emitted;
      }
      actual.onNext(rows.next());
      emitted++;
    }
    return emitted;
  }

  /** A batch came (or the read failed): its rows are handed on as the demand allows. */
  private void arrived(AsyncResult<RowSet<Row>> result) {
    if (result.succeeded()) {
      came = result.result().iterator();
      last = !cursor.hasMore();
    } else {
      error = result.cause();
      last = true;
    }
    reading = false;
    drain();
  }

  /** The subscriber cancelled: drops the batches held and closes the cursor. */
  private void stop() {
    done = true;
    batch = null;
    ahead = null;
    came = null;
    close();
  }

  /** Closes the cursor and the statement, once: after the last row, an error or a cancel. */
  private void close() {
    if (CLOSED.compareAndSet(this, 0, 1)) {
      cursor.close().onComplete(done -> prepared.close());
    }
  }
}
