package io.toasty.vertx;

import io.toasty.driver.Connection;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.Operation;
import io.toasty.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * A driver to a fresh PostgreSQL schema or MariaDB database of the build's servers, its tables
 * pushed, dropped afterwards: what the tests that read through a real server share.
 */
final class ServerSchemas {
  static final Duration WAIT = Duration.ofSeconds(30);

  private ServerSchemas() {}

  /**
   * Runs {@code work} on a driver (pool of one) to a fresh schema ({@code "postgresql"}) or
   * database ({@code "mariadb"}) holding {@code schema}'s tables.
   */
  static void on(String server, Schema schema, Consumer<VertxDriver> work) {
    on(server, schema, 0, work);
  }

  /**
   * {@link #on(String, Schema, Consumer)} with {@code work}'s driver connecting to {@code port}
   * on the loopback interface (a proxy in front of the server), or to the server's own port
   * where it is 0.
   */
  static void on(String server, Schema schema, int port, Consumer<VertxDriver> work) {
    String name = "vx_" + UUID.randomUUID().toString().replace("-", "");
    boolean pg = server.equals("postgresql");
    String admin = pg ? "vertx:postgresql://postgres@127.0.0.1:5432/test"
        : "vertx:mariadb://root@127.0.0.1:3306/test";
    VertxDriver root = driver(admin, Schema.of(List.of()), pg);
    try {
      raw(root, (pg ? "CREATE SCHEMA " : "CREATE DATABASE ") + name);
      String to = port == 0 ? admin : admin.replace(pg ? ":5432/" : ":3306/", ":" + port + "/");
      String url = pg ? to + "?schema=" + name
          : to.substring(0, to.lastIndexOf('/') + 1) + name;
      VertxDriver d = driver(url, schema, pg);
      try {
        d.pushSchema().block(WAIT);
        work.accept(d);
      } finally {
        d.close().block(WAIT);
      }
    } finally {
      raw(root, (pg ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name));
      root.close().block(WAIT);
    }
  }

  /** Runs {@code text}, which returns no rows, on a connection of {@code d}. */
  static void raw(VertxDriver d, String text) {
    Mono.usingWhen(d.connect(), c -> c.exec(new Operation.RawSql(List.of(text), List.of(),
        false, List.of())), Connection::close).block(WAIT);
  }

  private static VertxDriver driver(String url, Schema schema, boolean pg) {
    DriverConfig config = new DriverConfig(url, schema, 1, Duration.ofSeconds(10),
        Duration.ofMinutes(1), null);
    return pg ? VertxDriver.postgresql(config) : VertxDriver.mysql(config);
  }
}
