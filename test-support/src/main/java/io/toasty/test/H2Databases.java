package io.toasty.test;

import io.r2dbc.spi.ConnectionFactories;
import io.toasty.ModelDef;
import reactor.core.publisher.Mono;

/**
 * H2 in memory: a database per name, kept while no connection is open to it
 * ({@code DB_CLOSE_DELAY=-1}: the pool may close its last connection between two tests), and
 * shut down, which frees it, when the test database is dropped.
 */
final class H2Databases {
  private H2Databases() {}

  static TestDatabase open(String name, ModelDef<?>[] models) {
    String url = "r2dbc:h2:mem:///" + name + "?DB_CLOSE_DELAY=-1";
    return TestDatabase.at(name, url, models, () -> shutdown(url));
  }

  private static void shutdown(String url) {
    Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
        c -> Mono.from(c.createStatement("SHUTDOWN").execute()).then(),
        // the shutdown closed the session already
        c -> Mono.from(c.close()).onErrorResume(e -> Mono.empty()))
        .block();
  }
}
