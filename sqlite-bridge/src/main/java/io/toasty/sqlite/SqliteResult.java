package io.toasty.sqlite;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outcome of one statement execution: rows (streamed from a cursor, or already read for a
 * RETURNING clause) followed by an update count where the statement changed rows. A result is
 * consumed once; a query's result that is not read should be discarded by consuming it
 * ({@link #getRowsUpdated()} closes the cursor without reading it).
 */
final class SqliteResult implements Result {
  private final Flux<Segment> source;
  private final AtomicBoolean consumed;
  private final @Nullable RowCursor cursor;

  private SqliteResult(Flux<Segment> source, AtomicBoolean consumed,
      @Nullable RowCursor cursor) {
    this.source = source;
    this.consumed = consumed;
    this.cursor = cursor;
  }

  private static SqliteResult once(Flux<Segment> source, @Nullable RowCursor cursor) {
    return new SqliteResult(source, new AtomicBoolean(), cursor);
  }

  /** The segments, for the first subscriber only. */
  private Flux<Segment> segments() {
    return Flux.defer(() -> consumed.compareAndSet(false, true) ? source
        : Flux.error(new IllegalStateException("this result was already consumed")));
  }

  static SqliteResult updateCount(long count) {
    return once(Flux.just(new UpdateCountSegment(count)), null);
  }

  /** Rows read already, then the update count when {@code count} is not {@code null}. */
  static SqliteResult rows(SqliteRowMetadata metadata, List<Object[]> rows,
      @Nullable Long count) {
    Flux<Segment> source = Flux.fromIterable(rows).map(v -> new SqliteRow(metadata, v));
    if (count != null) {
      source = source.concatWith(Mono.just(new UpdateCountSegment(count)));
    }
    return once(source, null);
  }

  static SqliteResult cursor(RowCursor cursor) {
    return once(cursor.rows().cast(Segment.class), cursor);
  }

  /** Closes an unread cursor (a result nobody will consume). */
  void discard() {
    if (cursor != null) {
      cursor.discard();
    }
  }

  @Override
  public Mono<Long> getRowsUpdated() {
    if (cursor != null) {
      // A query changes no rows: close the cursor instead of reading it.
      return Mono.defer(() -> consumed.compareAndSet(false, true)
          ? Mono.fromRunnable(cursor::discard)
          : Mono.error(new IllegalStateException("this result was already consumed")));
    }
    return segments().ofType(UpdateCount.class).map(UpdateCount::value).reduce(Long::sum);
  }

  @Override
  public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
    Objects.requireNonNull(mappingFunction, "mappingFunction");
    return segments().ofType(RowSegment.class).map(segment -> {
      Row row = segment.row();
      return mappingFunction.apply(row, row.getMetadata());
    });
  }

  @Override
  public <T> Flux<T> map(Function<? super Readable, ? extends T> mappingFunction) {
    Objects.requireNonNull(mappingFunction, "mappingFunction");
    return segments().ofType(RowSegment.class).map(segment -> mappingFunction.apply(segment.row()));
  }

  @Override
  public SqliteResult filter(Predicate<Segment> filter) {
    Objects.requireNonNull(filter, "filter");
    return new SqliteResult(source.filter(filter), consumed, cursor);
  }

  @Override
  public <T> Flux<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
    Objects.requireNonNull(mappingFunction, "mappingFunction");
    return segments().concatMap(segment -> Flux.from(mappingFunction.apply(segment)));
  }

  /** An update count segment. */
  record UpdateCountSegment(long value) implements UpdateCount {
  }
}
