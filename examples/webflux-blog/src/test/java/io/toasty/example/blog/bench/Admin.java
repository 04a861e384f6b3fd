package io.toasty.example.blog.bench;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One administrative SQL statement on a connection of its own (schema create and drop). */
final class Admin {
  private Admin() {}

  static void sql(String url, String sql) {
    Mono.usingWhen(ConnectionFactories.get(url).create(),
            c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then(),
            c -> c.close())
        .block();
  }
}
