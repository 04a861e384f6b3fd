package io.toasty.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Opens connections to one SQLite database. Each connection opens on the database's bridge
 * thread; the database (its thread and write permit) is shared with every other factory for the
 * same file or in-memory name in this JVM.
 *
 * <pre>{@code
 * ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:mem:///test");
 * Flux<String> names = Flux.usingWhen(factory.create(),
 *     c -> Flux.from(c.createStatement("SELECT name FROM users").execute())
 *         .flatMap(r -> r.map((row, meta) -> row.get(0, String.class))),
 *     Connection::close);
 * }</pre>
 */
public final class SqliteConnectionFactory implements ConnectionFactory {
  private final SqliteConfiguration config;

  /**
   * A factory for {@code options} (see {@link SqliteConnectionFactoryProvider} for what they
   * may say).
   *
   * @throws IllegalArgumentException when the options name no database or hold a bad value
   */
  public SqliteConnectionFactory(ConnectionFactoryOptions options) {
    this(SqliteConfiguration.from(options));
  }

  SqliteConnectionFactory(SqliteConfiguration config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Mono<Connection> create() {
    return Mono.defer(() -> new Opening(Database.acquire(config.key()), config).open())
        .cast(Connection.class);
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return SqliteConnectionFactoryMetadata.INSTANCE;
  }

  /** Whether this factory's database lives in memory (it lives while a connection is open). */
  public boolean isInMemory() {
    return config.inMemory();
  }

  SqliteConfiguration configuration() {
    return config;
  }

  /**
   * One connection being opened. The database reference taken for it goes either to the
   * connection or, when opening fails or is cancelled, back to the database (with the JDBC
   * connection, if it was opened meanwhile, closed first): exactly once, on the bridge thread.
   */
  private static final class Opening {
    private static final int OPENING = 0;
    private static final int HANDED_OVER = 1;
    private static final int ABANDONED = 2;

    private final Database database;
    private final SqliteConfiguration config;
    private final AtomicInteger state = new AtomicInteger(OPENING);
    @SuppressWarnings("NullAway.Init") // opened before any use
    private JdbcSession session; // bridge thread only

    Opening(Database database, SqliteConfiguration config) {
      this.database = database;
      this.config = config;
    }

    Mono<SqliteConnection> open() {
      BridgeWorker worker = database.worker();
      return BusyRetry.retrying(() -> worker.call(() -> {
            if (state.get() == ABANDONED) {
              return null;
            }
            session = JdbcSession.open(config, worker);
            return session;
          }), config.busyTimeout())
          .flatMap(s -> state.compareAndSet(OPENING, HANDED_OVER)
              ? Mono.just(new SqliteConnection(database, s, config))
              : Mono.empty())
          .onErrorMap(e -> SqliteExceptions.translate(e, null))
          .doOnError(e -> abandon())
          .doOnCancel(this::abandon);
    }

    private void abandon() {
      if (state.compareAndSet(OPENING, ABANDONED)) {
        database.worker().execute(() -> {
          try {
            if (session != null) {
              session.close(false);
            }
          } catch (Exception ignored) {
            // closing a connection nobody used; nothing is lost
          } finally {
            database.release();
          }
        });
      }
    }
  }
}
