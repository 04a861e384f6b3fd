package io.toasty;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stream of any number of writes, run in chunks with backpressure: {@link #createAll} puts each
 * chunk of creates in one multi-row insert, {@link #execAll} runs each chunk of statements as one
 * {@link Batch}. Each chunk is atomic on its own (one statement or one transaction, one atomic
 * request on DynamoDB); to make the whole stream one transaction, run it on one:
 * {@code db.transaction(tx -> Users.createAll(creates).exec(tx))}.
 *
 * <pre>{@code
 * Flux<User> stored = Users.createAll(Flux.range(0, 1_000_000)
 *     .map(i -> Users.create().name("u" + i).email("u" + i + "@example.com"))).exec(db);
 * Flux<Long> deleted = Users.deleteAll(ids.map(Users::deleteById)).exec(db);
 * }</pre>
 *
 * <p>Results stream back in the order of the input. Only a chunk and the one being gathered
 * are held in memory, and the next chunk is read from upstream only when the subscriber asks for
 * more. Cancelling stops the stream: a chunk not yet sent is never sent, one already sent
 * finishes or is rolled back whole, so only whole chunks are stored.
 *
 * <p>A {@link #createAll} stream that does not need its chunks atomic says so with
 * {@link #nonAtomic()}: where the backend has a cheaper non-atomic bulk write and no row can
 * collide with a stored one, the rows are written with it (DynamoDB's BatchWriteItem instead of
 * TransactWriteItems).
 *
 * @param <T> each statement's result
 */
public final class Bulk<T> {
  private final Publisher<?> source;
  private final @Nullable ModelDef<?> model;
  private final Chunk<T> chunk;
  private final int rows;
  private final boolean atomic;

  /** How a chunk of the stream is written. */
  private interface Chunk<T> {
    Mono<List<T>> write(Executor db, List<Object> items, boolean atomic);
  }

  private Bulk(Publisher<?> source, @Nullable ModelDef<?> model, Chunk<T> chunk, int rows,
      boolean atomic) {
    this.source = Objects.requireNonNull(source, "source");
    this.model = model;
    this.chunk = chunk;
    this.rows = rows;
    this.atomic = atomic;
  }

  /**
   * Creates every record {@code creates} emits, a chunk of them per multi-row insert; the
   * result is each record as stored, in order. Generated as {@code Users.createAll(..)}.
   */
  @SuppressWarnings("unchecked")
  public static <M> Bulk<M> createAll(ModelDef<M> model,
      Publisher<? extends Create<M>> creates) {
    Objects.requireNonNull(model, "model");
    return new Bulk<>(creates, model, (db, list, atomic) -> {
      Insert<M> insert = Insert.of(model, (List<Create<M>>) (List<?>) list);
      return (atomic ? insert : insert.nonAtomic()).exec(db);
    }, 0, true);
  }

  /**
   * Runs every statement {@code statements} emits (e.g. {@code Users.updateById(..)..} or
   * {@code Users.deleteById(..)}), a chunk of them per {@link Batch}; the result is each
   * statement's, in order. Generated per model, typed to its statements, as
   * {@code Users.updateAll(..)} and {@code Users.deleteAll(..)}.
   */
  @SuppressWarnings("unchecked")
  public static <T> Bulk<T> execAll(Publisher<? extends Statement<T>> statements) {
    return new Bulk<>(statements, null, (db, list, atomic) -> Batch.of(
        (List<Statement<?>>) (List<?>) list, r -> (List<T>) r).exec(db), 0, true);
  }

  /**
   * This stream with {@code rows} records (or statements) per chunk instead of the executor's
   * choice ({@link Executor#bulkChunkRows}); a chunk beyond what the backend takes in one
   * statement or atomic request fails with the backend's error or refusal.
   */
  public Bulk<T> chunkSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("a chunk holds at least one row, was " + rows);
    }
    return new Bulk<>(source, model, chunk, rows, atomic);
  }

  /**
   * This stream with each record of a {@link #createAll} chunk allowed to be stored on its own:
   * a failure (or a cancel) may then leave part of a chunk stored, each record whole and once,
   * and the error says how many were. The backend uses a non-atomic bulk write where it has one
   * and no record can collide with a stored one (every key generated, no unique field); elsewhere
   * the chunks stay atomic. On DynamoDB that is BatchWriteItem (25 records per request, records
   * it leaves unprocessed sent again with backoff) instead of TransactWriteItems, which costs
   * twice the write capacity. Over SQL a chunk is one multi-row insert, atomic either way. A
   * stream of statements ({@link #execAll}) keeps each chunk one batch.
   */
  public Bulk<T> nonAtomic() {
    return new Bulk<>(source, model, chunk, rows, false);
  }

  /** Runs the stream on {@code db} (a {@code Db} or a transaction). */
  public Flux<T> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    return Flux.defer(() -> {
      int size = rows > 0 ? rows : db.bulkChunkRows(model);
      return Flux.from(source).buffer(size)
          .concatMap(c -> chunk.write(db, (List<Object>) (List<?>) c, atomic), 1)
          .concatMapIterable(list -> list);
    });
  }
}
