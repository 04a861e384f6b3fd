package io.toasty.reactive.internal.batch;

import io.toasty.driver.Connection;
import io.toasty.driver.Operation;
import io.toasty.error.PoolTimeoutException;
import io.toasty.value.RowReader;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Reads of one plan that wait for a connection at the same time, sent together
 * ({@link WaitingBatches}): each read keeps its own statement and values, and the batch hands
 * them to the connection as one {@link Connection#readEach}, which a driver that pipelines
 * ({@code Driver.pipelinesReads}) sends in one round trip. Where coalescing would merge gets
 * into one {@code IN} list, this sends every read as the statement it is: what a service that
 * must run one statement per read (TechEmpower's rules, an audit log per statement) still
 * gains under load (docs/design/pipelining.md).
 *
 * <p>Every request is its own read, two of the same values too: one statement per read, as
 * alone, is what such a service counts on. When the batch fails, every request still
 * waiting runs its own read on a connection of its own, so that an error is the one its own
 * read meets; a pool timeout, which every request of the batch met by waiting in the same
 * queue, is handed to all.
 *
 * @param <M> the model's record
 */
public final class PipelinedReads<M> implements WaitingBatches.Kind<List<M>> {
  private final int[] fields;
  private final RowReader<M> reader;

  /**
   * @param fields the reader's fields as the plan's columns ({@code DirectRead.fields()})
   * @param reader builds a record from a row
   */
  public PipelinedReads(int[] fields, RowReader<M> reader) {
    this.fields = fields;
    this.reader = reader;
  }

  @Override
  public boolean oncePerKey() {
    return false; // each request is a key of its own (the router's), so none is shared
  }

  @Override
  public Flux<WaitingBatches.Keyed<List<M>>> statement(Connection c,
      List<WaitingBatches.Request<List<M>>> requests) {
    List<Operation.QuerySql> reads = new ArrayList<>(requests.size());
    for (WaitingBatches.Request<List<M>> r : requests) {
      reads.add((Operation.QuerySql) r.payload());
    }
    int[] at = {0};
    return c.readEach(reads, fields, reader)
        .map(records -> new WaitingBatches.Keyed<>(requests.get(at[0]++).key, records));
  }

  @Override
  public List<M> missing() {
    return List.of(); // every read has its list; none is missing unless the driver erred
  }

  @Override
  public boolean shared(Throwable error) {
    return error instanceof PoolTimeoutException;
  }
}
