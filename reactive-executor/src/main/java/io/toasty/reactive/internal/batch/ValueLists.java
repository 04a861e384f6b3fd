package io.toasty.reactive.internal.batch;

import io.toasty.ModelDef;
import io.toasty.driver.Connection;
import io.toasty.error.PoolTimeoutException;
import io.toasty.planner.action.DirectRead;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.Query;
import io.toasty.value.RowReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Reads by one value ({@link ValueList}) that wait for a connection at the same time, answered
 * by one query ({@link WaitingBatches}): the batch reads every value it holds with one
 * {@code field IN (..)}, in the query's order, and hands each request the records of its value
 * in that order; a value with no row gives its requests none.
 *
 * <p>A batch holds at most {@link #MAX_VALUES} values, so that a burst spreads over the pool's
 * connections instead of reading all its rows on one, and at most {@link #MAX_ROWS} rows: its
 * requests' records are held until the statement ends (a request sees them all at once), and a
 * batch that reads more gives up ({@link TooLong}), each request then reading its own, streamed,
 * and the plan no longer batched ({@link LongLists}).
 *
 * <p>What a request sees is what its own query would have given at that moment (a read at READ
 * COMMITTED or stronger, outside a transaction). When the batch fails, every request runs its
 * own query, so an error is the one its own query meets; a pool timeout is handed to all.
 *
 * @param <M> the model's record
 */
public final class ValueLists<M> implements WaitingBatches.Kind<List<M>> {
  /**
   * Values one batch holds at most: a burst of 64 reads of 100 rows on a pool of 10 ran fastest
   * with 4 to 8 (0.87 of the raw driver's time, against 0.89 with 16 and 1.08 with 64, whose
   * one batch reads every row on one connection while the others idle).
   */
  static final int MAX_VALUES = 8;
  /** Rows one batch holds at most before it gives up. */
  static final int MAX_ROWS = 8_192;

  private final Function<Query, BoundPlan> binder;
  private final Query query;
  private final ModelDef<M> model;
  private final RowReader<M> reader;
  private final int field;

  /**
   * @param binder  plans a query and binds its values, as the {@code Db} runs it
   * @param query   the first request's query (its filter is replaced by the values' list)
   * @param field   the filtered field's index
   */
  public ValueLists(Function<Query, BoundPlan> binder, Query query, ModelDef<M> model,
      RowReader<M> reader, int field) {
    this.binder = binder;
    this.query = query;
    this.model = model;
    this.reader = reader;
    this.field = field;
  }

  /**
   * A request's own read, {@code own}, as a batch of its one value runs it on the batch's
   * connection: its records held as one answer, or {@link TooLong} past {@link #MAX_ROWS} (the
   * read is cancelled there), so that it then streams {@code own} on a connection of its own.
   */
  public static <M> Function<Connection, Flux<List<M>>> held(Function<Connection, Flux<M>> own) {
    return c -> own.apply(c).take(MAX_ROWS + 1L).collectList()
        .flatMapMany(rows -> rows.size() > MAX_ROWS ? Flux.error(new TooLong())
            : Flux.just(rows));
  }

  @Override
  public boolean oncePerKey() {
    return false; // requests of one value share its records
  }

  @Override
  public int maxKeys() {
    return MAX_VALUES;
  }

  @Override
  public Flux<WaitingBatches.Keyed<List<M>>> statement(Connection c,
      List<WaitingBatches.Request<List<M>>> requests) {
    BoundPlan bound = KeysRead.bound(binder, query, model.name(), field, requests);
    DirectRead direct = bound.plan().direct();
    if (direct == null) {
      return Flux.error(new IllegalStateException("a batch of lists planned no direct read"));
    }
    int column = direct.fields()[field];
    FieldSchema by = model.schema().field(field);
    return c.read(direct.operation(bound.args()), direct.fields(),
            row -> new WaitingBatches.Keyed<>(KeyGet.routed(row.value(column, by.type()), by),
                reader.read(row)))
        .collect(Grouped<M>::new, Grouped::add)
        .flatMapIterable(Grouped::answers);
  }

  @Override
  public List<M> missing() {
    return List.of();
  }

  @Override
  public boolean shared(Throwable error) {
    return error instanceof PoolTimeoutException || error instanceof TooLong;
  }

  /** The rows of a batch by value, in the order they came. */
  private static final class Grouped<M> {
    private final Map<Object, List<M>> byValue = new LinkedHashMap<>();
    private int rows;

    void add(WaitingBatches.Keyed<M> row) {
      if (++rows > MAX_ROWS) {
        throw new TooLong(); // Reactor's collect turns it into the batch's error signal
      }
      byValue.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.answer());
    }

    List<WaitingBatches.Keyed<List<M>>> answers() {
      List<WaitingBatches.Keyed<List<M>>> out = new ArrayList<>(byValue.size());
      byValue.forEach((k, v) -> out.add(new WaitingBatches.Keyed<>(k, v)));
      return out;
    }
  }

  /**
   * A batch, or a request of a batch that read alone on its connection, met more rows than a
   * batch holds: its requests read their own, streamed.
   */
  public static final class TooLong extends RuntimeException {
    TooLong() {
      super("a batch of lists read more rows than it holds", null, false, false);
    }
  }
}
