package io.toasty.driver;

import io.toasty.value.RowReader;
import io.toasty.value.ValueColumns;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One session with the database, as taken from the driver's pool. Not thread safe: the engine
 * issues one operation at a time on a connection and consumes its rows before the next.
 *
 * <p>Cancellation, which transactions depend on: when the subscriber of an operation's result
 * (or of its rows) cancels, an operation already sent to the database finishes before the next
 * operation on the connection runs, and an operation not yet sent is never sent. The engine's
 * ROLLBACK after a cancel is the next operation; a write that ran after it would commit on its
 * own. That includes a subscriber that cancels in {@code onSubscribe}: the engine hands its turn
 * on at the cancel, and a statement still being subscribed on another thread arrives cancelled,
 * maybe after the ROLLBACK. So an operation takes its place among the connection's operations,
 * then tells its subscriber, and is sent only if the subscriber has not cancelled by then.
 */
public interface Connection {

  /**
   * Runs one operation. Errors arrive as signals, already translated to the library's typed
   * exceptions ({@code UniqueViolationException}, {@code DriverException}, ...).
   */
  Mono<ExecResponse> exec(Operation operation);

  /**
   * Runs a query and builds each row into a {@code T} with {@code reader}, reader field
   * {@code i} being the row's column {@code fields[i]}. SQL drivers read the columns with typed
   * getters, without a {@code Value} per cell; this default decodes the rows through
   * {@link #exec} and reads the values. A row that {@code reader} cannot read fails the stream
   * with the error the value path gives for it (the column's decoding, else the reader's).
   */
  default <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
    return exec(query).flatMapMany(response -> response instanceof ExecResponse.Rows r
        ? r.rows().map(row -> reader.read(new ValueColumns(row, fields)))
        : Flux.error(new IllegalStateException("a query answered " + response)));
  }

  /**
   * {@link #read}'s records in one list, for a caller that wants them all ({@code collect}):
   * the list is built where the rows arrive, so the engine's operators between the driver and
   * the caller pass one signal where {@link #read} passes one per row
   * (docs/design/performance.md, "Collected reads"). A driver whose rows come in one answer
   * builds the list from it; this default collects {@link #read}'s. Its failures are
   * {@link #read}'s.
   */
  default <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
      RowReader<T> reader) {
    return read(query, fields, reader).collectList();
  }

  /**
   * Runs {@code queries}, independent reads of one plan outside a transaction (the same SQL
   * text, each with its own values), and gives each one's records as a list, in the order of
   * {@code queries}; each row built by {@code reader} as {@link #read} builds it. A driver that
   * pipelines ({@link Driver#pipelinesReads}) sends them together and reads their answers in
   * order: one round trip for all. The engine sends only reads whose records its callers hold
   * whole anyway (gets by key, collected reads), so a driver may hold each read's answer whole.
   * This default reads them one after the other. A failure of any fails the whole flux; the
   * engine then runs each read on its own (docs/design/pipelining.md).
   */
  default <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
      RowReader<T> reader) {
    return Flux.fromIterable(queries).concatMap(q -> read(q, fields, reader).collectList());
  }

  /** Returns the connection to its pool (or closes it). Idempotent. */
  Mono<Void> close();
}
