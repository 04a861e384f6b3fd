package io.toasty.vertx;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.driver.internal.HandOver;
import io.toasty.error.DriverException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.push.SchemaCommands;
import io.toasty.sql.render.SqlOperationText;
import io.toasty.sql.dialect.ServerParts;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.ClientBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * An SQL backend over a Vert.x reactive SQL client and Vert.x's own pool: PostgreSQL through
 * vertx-pg-client, MariaDB and MySQL through vertx-mysql-client. Statements are written by the same dialect and renderer as the R2DBC
 * transport's, values converted and errors translated by the same code (toasty-sql).
 *
 * <p>The pool is Vert.x's, bounded by {@code poolMaxSize}; an acquire waits at most the
 * configured acquire timeout ({@link PoolTimeoutException}), and a connection that arrives after
 * its acquirer cancelled is given back at once. Rows are read from a cursor, a batch at a time as
 * the subscriber asks ({@link CursorRows}).
 */
public final class VertxDriver implements Driver {
  private static final Logger LOG = LoggerFactory.getLogger(VertxDriver.class);
  /** Rows a cursor reads per round trip: a result holds at most this many in memory. */
  static final int FETCH_SIZE = 256;
  /** Prepared statements each connection keeps (vertx-pg-client's per-connection cache). */
  private static final int STATEMENT_CACHE = 256;
  /** How long {@link #close()} waits for its own Vert.x instance to report its close. */
  private static final Duration VERTX_CLOSE_WAIT = Duration.ofSeconds(5);

  private final SqlDialect dialect;
  private final Schema schema;
  /** The parts in use: the configured dialect's until the first connection names its server. */
  private final ServerParts<VertxParts> parts;
  private final Vertx vertx;
  /** Whether {@link #close()} closes {@link #vertx}: the driver made it. */
  private final boolean ownsVertx;
  private final Pool pool;
  private final int poolMaxSize;
  private final Duration acquireTimeout;
  /** What each session's statement timeout is when it opens (a startup parameter), or null. */
  private final @Nullable Duration statementTimeout;
  /** Connections lent and not yet given back. */
  private final AtomicInteger lent = new AtomicInteger();
  /** Acquires waiting for the pool. */
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private VertxDriver(SqlDialect dialect, DriverConfig config, SqlConnectOptions options,
      ClientBuilder<Pool> client, @Nullable Vertx vertx) {
    this.dialect = dialect;
    this.schema = config.schema();
    this.parts = new ServerParts<>(dialect, d -> VertxParts.of(d, schema));
    this.ownsVertx = vertx == null;
    this.vertx = vertx == null ? Vertx.vertx() : vertx;
    this.poolMaxSize = config.poolMaxSize();
    this.acquireTimeout = config.acquireTimeout();
    this.statementTimeout = config.statementTimeout();
    options.setCachePreparedStatements(true).setPreparedStatementCacheMaxSize(STATEMENT_CACHE);
    if (statementTimeout != null && options instanceof PgConnectOptions pg) {
      // the server stops a statement at the limit itself (57014, a QueryTimeoutException)
      pg.addProperty("statement_timeout",
          Long.toString(Math.max(1, statementTimeout.toMillis())));
    } else if (statementTimeout != null) {
      // MySQL's protocol has no session settings at startup: each new session sets its own
      client.withConnectHandler(SessionStart.of(
          dialect.statementTimeoutSql(statementTimeout), dialect.backend()));
    }
    PoolOptions pooling = new PoolOptions()
        .setMaxSize(poolMaxSize)
        .setName("toasty-" + dialect.backend())
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.maxIdleTime().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        // the acquire's own timeout ends the wait (a PoolTimeoutException); Vert.x's is a backstop
        .setConnectionTimeout((int) Math.min(Integer.MAX_VALUE,
            acquireTimeout.multipliedBy(2).plusSeconds(1).toMillis()))
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    this.pool = client.with(pooling).connectingTo(options).using(this.vertx).build();
  }

  /**
   * A PostgreSQL driver for {@code config}'s {@code vertx:postgresql:} URL, on a Vert.x instance
   * of its own that {@link #close()} closes.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:postgresql:} one
   */
  public static VertxDriver postgresql(DriverConfig config) {
    return new VertxDriver(PostgresDialect.INSTANCE, config, VertxUrl.postgresql(config.url()),
        PgBuilder.pool(), null);
  }

  /**
   * A PostgreSQL driver for {@code config} (its URL a {@code vertx:postgresql:} one) on the
   * application's {@code vertx}, which {@link #close()} leaves open.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:postgresql:} one
   */
  public static VertxDriver postgresql(DriverConfig config, Vertx vertx) {
    return new VertxDriver(PostgresDialect.INSTANCE, config, VertxUrl.postgresql(config.url()),
        PgBuilder.pool(), Objects.requireNonNull(vertx, "vertx"));
  }

  /**
   * A MariaDB or MySQL driver for {@code config}'s {@code vertx:mariadb:} or {@code vertx:mysql:}
   * URL, on a Vert.x instance of its own that {@link #close()} closes. A {@code vertx:mysql:} URL
   * promises MySQL's capability; its syntax becomes MariaDB's when the first connection finds a
   * MariaDB server there, as over R2DBC.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:mariadb:} or
   *                                  {@code vertx:mysql:} one
   */
  public static VertxDriver mysql(DriverConfig config) {
    return new VertxDriver(mysqlDialect(config.url()), config, VertxUrl.mysql(config.url()),
        MySQLBuilder.pool(), null);
  }

  /**
   * {@link #mysql(DriverConfig)} on the application's {@code vertx}, which {@link #close()}
   * leaves open.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:mariadb:} or
   *                                  {@code vertx:mysql:} one
   */
  public static VertxDriver mysql(DriverConfig config, Vertx vertx) {
    return new VertxDriver(mysqlDialect(config.url()), config, VertxUrl.mysql(config.url()),
        MySQLBuilder.pool(), Objects.requireNonNull(vertx, "vertx"));
  }

  private static SqlDialect mysqlDialect(String url) {
    return VertxUrl.isMariadb(url) ? MySqlDialect.MARIADB : MySqlDialect.MYSQL;
  }

  /**
   * {@inheritDoc} The dialect's, less change streams: this transport does not listen for
   * PostgreSQL's notifications yet, so {@link #changes} refuses with {@code CHANGE_STREAMS}
   * (MariaDB's and MySQL's capabilities have none on any transport).
   */
  @Override
  public Capability capability() {
    return dialect.capability().withChangeStreams(false);
  }

  /**
   * True: Vert.x writes a connection's commands without waiting for the answers, and
   * {@link VertxConnection#readEach} sends the reads of one plan as one {@code executeBatch}.
   */
  @Override
  public boolean pipelinesReads() {
    return true;
  }

  /**
   * The SQL dialect this driver writes: the configured one, or MariaDB's once a connection found
   * MariaDB behind a {@code vertx:mysql:} URL.
   */
  public SqlDialect dialect() {
    return parts.current().dialect();
  }

  @Override
  public Optional<OperationText> operationText() {
    return Optional.of(new SqlOperationText(parts.current().renderer()));
  }

  @Override
  public Optional<PoolState> poolState() {
    int inUse = lent.get();
    int allocated = Math.max(pool.size(), inUse);
    return Optional.of(new PoolState(poolMaxSize, inUse, allocated - inUse, allocated,
        waiting.get()));
  }

  @Override
  public Mono<Connection> connect() {
    return Mono.from(lend()); // the same Mono, widened: no operator per lend
  }

  /**
   * A connection of the pool, within the acquire timeout. A connection the pool hands over after
   * the acquire was cancelled (or timed out) goes back at once: the hand-over and the cancel
   * race for one flag, so it is either lent or given back, never both.
   */
  private Mono<VertxConnection> lend() {
    Mono<VertxConnection> acquire = Mono.create(sink -> {
      if (closed.get()) {
        sink.error(new DriverException(dialect.backend(), null, "the driver is closed", null));
        return;
      }
      AtomicBoolean decided = new AtomicBoolean();
      sink.onCancel(() -> decided.set(true));
      waiting.incrementAndGet();
      pool.getConnection().onComplete(ar -> {
        waiting.decrementAndGet();
        if (ar.failed()) {
          if (decided.compareAndSet(false, true)) {
            sink.error(parts.current().errors().translate(ar.cause(), null));
          }
          return;
        }
        SqlConnection c = ar.result();
        if (!decided.compareAndSet(false, true)) {
          c.close();
          return;
        }
        lent.incrementAndGet();
        VertxParts server = parts.forServer(() -> c.databaseMetadata().fullVersion());
        sink.success(new VertxConnection(c, server, FETCH_SIZE, statementTimeout,
            lent::decrementAndGet));
      });
    });
    // The limit is a deadline on the shared timer, not a Reactor timeout: that would put a task
    // on the parallel scheduler per lend (docs/design/performance.md, "One timer for every
    // deadline"). A connection that comes after the deadline goes back to the pool.
    return Mono.fromDirect(subscriber -> HandOver.subscribe(acquire, acquireTimeout,
        () -> new PoolTimeoutException(dialect.backend(), acquireTimeout, null),
        late -> late.close().subscribe(), Operators.toCoreSubscriber(subscriber)));
  }

  @Override
  public Mono<Void> pushSchema() {
    return SchemaCommands.push(lend(), schema);
  }

  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return SchemaCommands.upgrades(lend(), schema);
  }

  @Override
  public Mono<Void> resetSchema() {
    return SchemaCommands.reset(lend(), schema);
  }

  /** The first pages of this driver's streamed reads, as its connections keep them. */
  FirstPages firstPages() {
    return parts.current().firstPages();
  }

  /**
   * Closes the pool, then the Vert.x instance if the driver made it. Its close is waited for at
   * most {@link #VERTX_CLOSE_WAIT}, so that a {@code Db.close()} ends whatever Vert.x does: under
   * BlockHound its close once failed on an event loop and never completed (about 1 close in 400,
   * until VertxSqlBlockHoundIntegration allowed the worker pool's shutdown); its threads are
   * stopping by then.
   */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      Mono<Void> pooled = Futures.mono(pool::close);
      Mono<Void> all = !ownsVertx ? pooled : pooled.then(Futures.mono(vertx::close)
          .timeout(VERTX_CLOSE_WAIT, Mono.fromRunnable(() -> LOG.warn(
              "the {} driver's Vert.x instance did not report its close within {}",
              dialect.backend(), VERTX_CLOSE_WAIT))));
      return all.doOnError(e -> LOG.warn("closing the {} driver failed", dialect.backend(), e));
    });
  }
}
