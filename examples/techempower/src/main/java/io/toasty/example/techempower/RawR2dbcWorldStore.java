package io.toasty.example.techempower;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * r2dbc-postgresql by hand on an r2dbc-pool {@link ConnectionPool}, as a careful user writes it:
 * a pooled connection per statement, SQL text built once, columns read by position, and a
 * request's updates as one bulk statement ({@link RawWorldSql}).
 */
public final class RawR2dbcWorldStore implements WorldStore {
  private final ConnectionPool pool;

  /** A store on {@code pool}, which it does not close. */
  public RawR2dbcWorldStore(ConnectionPool pool) {
    this.pool = pool;
  }

  private static World worldOf(Readable row) {
    return new World(row.get(0, Integer.class), row.get(1, Integer.class));
  }

  private static Fortune fortuneOf(Readable row) {
    return new Fortune(row.get(0, Integer.class), row.get(1, String.class));
  }

  /** Runs {@code work} on a pooled connection, released however the work ends. */
  private <T> Flux<T> onConnection(Function<Connection, Flux<T>> work) {
    return Flux.usingWhen(pool.create(), work, Connection::close, (c, e) -> c.close(),
        Connection::close);
  }

  @Override
  public Mono<World> world(int id) {
    return onConnection(c -> Flux.from(c.createStatement(RawWorldSql.WORLD).bind(0, id).execute())
        .flatMap(r -> r.map(RawR2dbcWorldStore::worldOf))).next();
  }

  @Override
  public Mono<List<Fortune>> fortunes() {
    return onConnection(c -> Flux.from(c.createStatement(RawWorldSql.FORTUNES).execute())
        .flatMap(r -> r.map(RawR2dbcWorldStore::fortuneOf)))
        .collectList();
  }

  @Override
  public Mono<Void> update(List<World> worlds) {
    return onConnection(c -> {
      Statement s = c.createStatement(RawWorldSql.bulkUpdate(worlds.size()));
      for (int i = 0; i < worlds.size(); i++) {
        s.bind(2 * i, worlds.get(i).id()).bind(2 * i + 1, worlds.get(i).randomNumber());
      }
      return Flux.from(s.execute()).flatMap(r -> r.getRowsUpdated());
    }).then();
  }
}
