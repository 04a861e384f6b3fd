package io.toasty.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Test helpers. Everything that touches the bridge is subscribed on {@link Schedulers#parallel()}
 * threads, where BlockHound fails any blocking call; the test thread only waits.
 */
final class Db {
  static final Duration WAIT = Duration.ofSeconds(30);

  private Db() {}

  /** A factory for a fresh shared in-memory database. */
  static ConnectionFactory memory() {
    return ConnectionFactories.get("r2dbc:sqlite:mem:///test-" + UUID.randomUUID());
  }

  /** {@code publisher} subscribed on a parallel thread, waited for on the test thread. */
  static <T> T await(Mono<T> mono) {
    return mono.subscribeOn(Schedulers.parallel()).block(WAIT);
  }

  static <T> List<T> awaitAll(Flux<T> flux) {
    return flux.subscribeOn(Schedulers.parallel()).collectList().block(WAIT);
  }

  static Connection connect(ConnectionFactory factory) {
    return await(Mono.from(factory.create()));
  }

  static void close(Connection connection) {
    await(Mono.from(connection.close()));
  }

  /** Runs {@code sql} (several statements allowed), returning the summed update count. */
  static long update(Connection connection, String sql, Object... values) {
    Statement statement = connection.createStatement(sql);
    for (int i = 0; i < values.length; i++) {
      statement.bind(i, values[i]);
    }
    return await(Flux.from(statement.execute()).concatMap(Result::getRowsUpdated)
        .reduce(0L, Long::sum));
  }

  /** The rows of a query, each mapped by {@code row}. */
  static <T> List<T> query(Connection connection, String sql,
      Function<io.r2dbc.spi.Readable, T> row, Object... values) {
    Statement statement = connection.createStatement(sql);
    for (int i = 0; i < values.length; i++) {
      statement.bind(i, values[i]);
    }
    return awaitAll(Flux.from(statement.execute()).concatMap(r -> r.map(row)));
  }

  static long count(Connection connection, String table) {
    return query(connection, "SELECT count(*) FROM " + table, r -> r.get(0, Long.class)).get(0);
  }

  /** The bridge connection under a pooled one. */
  /**
   * Returns once the bridge thread has run every task submitted on {@code connection} before
   * (a REMOTE validation runs there, after them): closes that were queued, for instance.
   */
  static void flush(Connection connection) {
    if (!Boolean.TRUE.equals(await(Mono.from(connection.validate(ValidationDepth.REMOTE))))) {
      throw new AssertionError("the connection did not validate");
    }
  }

  static SqliteConnection unwrap(Connection connection) {
    Connection c = connection;
    while (c instanceof Wrapped<?> w && !(c instanceof SqliteConnection)) {
      c = (Connection) w.unwrap();
    }
    return (SqliteConnection) c;
  }
}
