package io.toasty.example.techempower;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * vertx-pg-client by hand on its {@link Pool}, as a careful user writes it: prepared queries
 * (cached per connection), SQL text built once, columns read by position, and a request's updates
 * as one bulk statement ({@link RawWorldSql}). Each Vert.x future becomes a {@link Mono} when
 * subscribed.
 */
public final class VertxWorldStore implements WorldStore {
  private final Pool pool;

  /** A store on {@code pool}, which it does not close. */
  public VertxWorldStore(Pool pool) {
    this.pool = pool;
  }

  /** The future {@code start} returns, as a Mono: started on subscription, not before. */
  private static <T> Mono<T> mono(Supplier<Future<T>> start) {
    return Mono.create(sink -> start.get().onComplete(sink::success, sink::error));
  }

  @Override
  public Mono<World> world(int id) {
    return mono(() -> pool.preparedQuery(RawWorldSql.WORLD).execute(Tuple.of(id)))
        .mapNotNull(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row row = rows.iterator().next();
          return new World(row.getInteger(0), row.getInteger(1));
        });
  }

  @Override
  public Mono<List<Fortune>> fortunes() {
    return mono(() -> pool.preparedQuery(RawWorldSql.FORTUNES).execute())
        .map(rows -> {
          List<Fortune> out = new ArrayList<>(rows.size());
          for (Row row : rows) {
            out.add(new Fortune(row.getInteger(0), row.getString(1)));
          }
          return out;
        });
  }

  @Override
  public Mono<Void> update(List<World> worlds) {
    Tuple values = Tuple.tuple();
    for (World w : worlds) {
      values.addInteger(w.id()).addInteger(w.randomNumber());
    }
    return mono(() -> pool.preparedQuery(RawWorldSql.bulkUpdate(worlds.size())).execute(values))
        .then();
  }
}
