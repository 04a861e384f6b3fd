package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A database of its own on one of the SQL backends, for driver tests against the real servers:
 * an in-memory H2 database, a PostgreSQL schema in database {@code test}, a MariaDB database. The
 * servers' base URLs default to the local services ({@code 127.0.0.1:5432} as {@code postgres},
 * {@code 127.0.0.1:3306} as {@code root}) and can be set with the system properties
 * {@code toasty.test.postgresql} and {@code toasty.test.mariadb}.
 *
 * <p>{@link #close()} drops what {@link #create} made.
 */
public final class TestDatabase implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The backends the driver is tested on. */
  public enum Kind {
    H2, POSTGRESQL, MARIADB, SQLITE;

    /** The name as in the dialect's capability and in test names. */
    public String backend() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String name;
  private final String url;

  private TestDatabase(Kind kind, String name, String url) {
    this.kind = kind;
    this.name = name;
    this.url = url;
  }

  /** The base URL of a server (no database or schema of a test's own). */
  public static String serverUrl(Kind kind) {
    return switch (kind) {
      case H2 -> "r2dbc:h2:mem:///";
      case POSTGRESQL -> System.getProperty("toasty.test.postgresql",
          "r2dbc:postgresql://postgres@127.0.0.1:5432/test");
      case MARIADB -> System.getProperty("toasty.test.mariadb",
          "r2dbc:mariadb://root@127.0.0.1:3306/test");
      case SQLITE -> "r2dbc:sqlite:///";
    };
  }

  /** A fresh database (or schema) on {@code kind}'s server. */
  public static TestDatabase create(Kind kind) {
    String name = "drv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return switch (kind) {
      case H2 -> new TestDatabase(kind, name, "r2dbc:h2:mem:///" + name);
      case SQLITE -> {
        // A file (WAL): readers do not wait for a writer, as they would in shared-cache memory.
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
            name + ".db").toAbsolutePath();
        yield new TestDatabase(kind, file.toString(), "r2dbc:sqlite:///" + file);
      }
      case POSTGRESQL -> {
        execute(kind, serverUrl(kind), "CREATE SCHEMA " + name);
        yield new TestDatabase(kind, name, serverUrl(kind) + "?schema=" + name
            + "&applicationName=" + name);
      }
      case MARIADB -> {
        execute(kind, serverUrl(kind), "CREATE DATABASE " + name);
        String base = serverUrl(kind);
        yield new TestDatabase(kind, name, base.substring(0, base.lastIndexOf('/') + 1) + name);
      }
    };
  }

  /** The backend. */
  public Kind kind() {
    return kind;
  }

  /** The database's (or schema's) name, which also names its connections on PostgreSQL. */
  public String name() {
    return name;
  }

  /** {@code name} quoted for raw SQL on this backend. */
  public String quote(String name) {
    return kind == Kind.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
  }

  /**
   * Ends every session the driver has open on this database, from the server side (H2: shuts
   * the in-memory database down).
   */
  public void killSessions() {
    switch (kind) {
      case H2 -> execute("SHUTDOWN");
      case SQLITE -> throw new UnsupportedOperationException("an embedded SQLite database has no "
          + "server to end its sessions");
      case POSTGRESQL -> execute(kind, serverUrl(kind), "SELECT pg_terminate_backend(pid) FROM "
          + "pg_stat_activity WHERE application_name = '" + name + "'");
      case MARIADB -> {
        List<Object> ids = Mono.usingWhen(connect(kind, serverUrl(kind)),
            c -> Flux.from(c.createStatement("SELECT id FROM information_schema.processlist "
                + "WHERE db = '" + name + "'").execute())
                .concatMap(r -> r.map((row, md) -> row.get(0))).collectList(),
            Connection::close).block(TIMEOUT);
        for (Object id : ids) {
          try {
            execute(kind, serverUrl(kind), "KILL " + id);
          } catch (RuntimeException e) {
            // listed, then gone before its KILL (the pool closed it): what the kill was for
            if (!String.valueOf(e.getMessage()).contains("Unknown thread id")) {
              throw e;
            }
          }
        }
      }
    }
  }

  /** The URL of this database, for {@code DriverConfig}. */
  public String url() {
    return url;
  }

  /** Runs SQL statements on this database, one after another, each on the same connection. */
  public void execute(String... sql) {
    execute(kind, url, sql);
  }

  /** The first column of the first row of {@code sql}. */
  public Object queryOne(String sql) {
    return Mono.usingWhen(connect(kind, url),
        c -> Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, md) -> Optional.ofNullable(row.get(0))))
            .next(),
        Connection::close).block(TIMEOUT).orElse(null);
  }

  private static void execute(Kind kind, String url, String... sql) {
    Mono.usingWhen(connect(kind, url),
        c -> Flux.fromArray(sql)
            .concatMap(s -> Flux.from(c.createStatement(s).execute())
                .concatMap(Result::getRowsUpdated))
            .then(),
        Connection::close).block(TIMEOUT);
  }

  /** A raw R2DBC connection of this database's own, for a test to hold. */
  public Mono<Connection> connect() {
    return connect(kind, url);
  }

  private static Mono<Connection> connect(Kind kind, String url) {
    ConnectionFactoryOptions options = ConnectionFactoryOptions
        .parse(url);
    if (kind == Kind.MARIADB) {
      options = options.mutate().option(ConnectionFactoryOptions.DRIVER, "mysql")
          .build();
    }
    ConnectionFactoryOptions o = options;
    return Mono.<Connection>from(ConnectionFactories.get(o).create())
        .onErrorMap(e -> new IllegalStateException("cannot reach the " + kind.backend()
            + " server at " + url + " (run .ci/run, which starts it): " + e.getMessage(), e));
  }

  @Override
  public void close() {
    switch (kind) {
      case H2 -> { }
      case SQLITE -> {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          try {
            Files.deleteIfExists(Path.of(name + suffix));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      case POSTGRESQL -> execute(kind, serverUrl(kind), "DROP SCHEMA IF EXISTS " + name
          + " CASCADE");
      case MARIADB -> execute(kind, serverUrl(kind), "DROP DATABASE IF EXISTS " + name);
    }
  }

  @Override
  public String toString() {
    return kind.backend();
  }
}
