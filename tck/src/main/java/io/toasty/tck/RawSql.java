package io.toasty.tck;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL text run on a fresh R2DBC connection to a URL, outside the library (for test setup). */
public final class RawSql {
  private RawSql() {}

  /**
   * Runs {@code sql} on a connection of its own to {@code url}; {@code r2dbc:mariadb:} URLs are
   * served by the mysql driver.
   */
  public static Mono<Void> execute(String url, String sql) {
    return Mono.usingWhen(connect(url),
        c -> Flux.from(c.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then(),
        Connection::close);
  }

  /**
   * Runs {@code statements} one after another on one connection of its own to {@code url}: a
   * script whose statements share session state (a transaction, a PRAGMA).
   */
  public static Mono<Void> executeAll(String url, List<String> statements) {
    return Mono.usingWhen(connect(url),
        c -> Flux.fromIterable(statements).concatMap(sql -> Flux.from(c.createStatement(sql)
            .execute()).concatMap(Result::getRowsUpdated)).then(),
        Connection::close);
  }

  /** The one number that the query {@code sql} answers, on a connection of its own. */
  public static Mono<Long> count(String url, String sql) {
    return Mono.usingWhen(connect(url),
        c -> Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue())).next(),
        Connection::close);
  }

  /** A new connection to {@code url}. */
  public static Mono<Connection> connect(String url) {
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
    Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
    if (driver != null && "mariadb".equals(driver.toString().toLowerCase(Locale.ROOT))) {
      options = options.mutate().option(ConnectionFactoryOptions.DRIVER, "mysql").build();
    }
    ConnectionFactoryOptions o = options;
    return Mono.defer(() -> Mono.<Connection>from(ConnectionFactories.get(o).create()));
  }
}
