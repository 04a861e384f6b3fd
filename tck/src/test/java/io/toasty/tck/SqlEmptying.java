package io.toasty.tck;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Empties a kept SQL database ({@link Backend#empty}) on one connection: reads the names of its
 * tables from the catalog, then runs the statements that delete their rows and restart their
 * identity counters, in order. The catalog, not the models, names the tables, so that whatever
 * a schema reset made is emptied.
 */
final class SqlEmptying {
  private SqlEmptying() {}

  /**
   * On a connection of {@code connect} (closed after): the one-column rows of {@code tablesQuery}
   * are the table names, {@code statements} makes the statements from them; none without tables.
   */
  static Mono<Void> empty(Mono<Connection> connect, String tablesQuery,
      Function<List<String>, List<String>> statements) {
    return Mono.usingWhen(connect,
        c -> Flux.from(c.createStatement(tablesQuery).execute())
            .concatMap(r -> r.map((row, meta) -> row.get(0, String.class)))
            .collectList()
            .flatMapMany(tables -> Flux.fromIterable(tables.isEmpty() ? List.<String>of()
                : statements.apply(tables)))
            .concatMap(sql -> Flux.from(c.createStatement(sql).execute())
                .concatMap(Result::getRowsUpdated))
            .then(),
        Connection::close);
  }
}
