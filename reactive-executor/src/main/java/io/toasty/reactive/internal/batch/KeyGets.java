package io.toasty.reactive.internal.batch;

import io.toasty.ModelDef;
import io.toasty.driver.Connection;
import io.toasty.error.PoolTimeoutException;
import io.toasty.planner.action.DirectRead;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.Query;
import io.toasty.value.RowReader;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Gets by key that wait for a connection at the same time, answered by one query
 * ({@link WaitingBatches}): the batch reads every key it holds with one {@code key IN (..)} and
 * hands each request its record; a key with no row completes its requests empty.
 *
 * <p>What a request sees is what its own query would have given at that moment (a read at READ
 * COMMITTED or stronger, outside a transaction, of rows no statement of its own is writing): its
 * record, or none. When the batch fails, every request still waiting runs its own query, so an
 * error (a row its field cannot hold, a lost connection) is the one its own query meets; a pool
 * timeout, which every request of the batch met by waiting in the same queue, is handed to all.
 *
 * @param <M> the model's record
 */
public final class KeyGets<M> implements WaitingBatches.Kind<M> {
  private final Function<Query, BoundPlan> binder;
  private final Query query;
  private final ModelDef<M> model;
  private final RowReader<M> reader;
  private final int field;

  /**
   * @param binder plans a query and binds its values, as the {@code Db} runs it
   * @param query  the first get's query (its filter is replaced by the keys' list)
   * @param field  the key's field index
   */
  public KeyGets(Function<Query, BoundPlan> binder, Query query, ModelDef<M> model,
      RowReader<M> reader, int field) {
    this.binder = binder;
    this.query = query;
    this.model = model;
    this.reader = reader;
    this.field = field;
  }

  @Override
  public boolean oncePerKey() {
    return false; // gets of one key share its record
  }

  @Override
  public Flux<WaitingBatches.Keyed<M>> statement(Connection c,
      List<WaitingBatches.Request<M>> requests) {
    BoundPlan bound = KeysRead.bound(binder, query, model.name(), field, requests);
    DirectRead direct = bound.plan().direct();
    if (direct == null) {
      return Flux.error(new IllegalStateException("a batch of gets planned no direct read"));
    }
    int column = direct.fields()[field];
    FieldSchema key = model.schema().field(field);
    return c.read(direct.operation(bound.args()), direct.fields(), row -> {
      M record = reader.read(row);
      return new WaitingBatches.Keyed<>(KeyGet.routed(row.value(column, key.type()), key),
          record);
    });
  }

  @Override
  public @Nullable M missing() {
    return null;
  }

  @Override
  public boolean shared(Throwable error) {
    return error instanceof PoolTimeoutException;
  }
}
