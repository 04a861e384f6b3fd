package io.toasty.r2dbc;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.driver.Capability;
import io.toasty.driver.ChangeNotice;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.error.DriverException;
import io.toasty.r2dbc.pool.Abandonable;
import io.toasty.r2dbc.pool.LateRelease;
import io.toasty.r2dbc.pool.LocallyValidated;
import io.toasty.r2dbc.pool.PoolAcquire;
import io.toasty.r2dbc.pool.PoolPermits;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.ServerParts;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.push.SchemaCommands;
import io.toasty.sql.render.SqlOperationText;
import io.toasty.sql.render.SqlRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An SQL backend over an R2DBC connection factory and an r2dbc-pool {@link ConnectionPool}.
 *
 * <p>For an in-memory H2 database (without {@code DB_CLOSE_DELAY}) the driver holds one extra
 * connection, outside the pool, from its first use until {@link #close()}: the database lives
 * exactly as long as the driver, even when the pool drops every idle connection.
 */
public final class R2dbcDriver implements Driver {
  private static final Logger LOG = LoggerFactory.getLogger(R2dbcDriver.class);
  private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

  private final SqlDialect dialect;
  private final Schema schema;
  private final ConnectionPool pool;
  private final PoolPermits permits;
  /** The listeners of live change streams, one per table, shared by its subscribers. */
  private final ListenerHub listeners = new ListenerHub();
  private final int poolMaxSize;
  /** The pool's acquire: bounded, validation failures asked again, errors typed. */
  private final PoolAcquire acquiring;
  /** What {@code postAllocate} set each pooled session's statement timeout to, or null. */
  private final @Nullable Duration statementTimeout;
  private final ServerParts<DriverParts> parts;
  /** The factory the pool opens its connections from; a change stream's listener opens its own. */
  private final ConnectionFactory factory;
  private final Mono<Void> keepAlive;
  private final boolean keepDatabaseAlive;
  private final AtomicReference<io.r2dbc.spi.Connection> keepAliveConnection =
      new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  R2dbcDriver(SqlDialect dialect, DriverConfig config, ConnectionFactory factory,
      boolean keepDatabaseAlive) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(factory, "factory");
    this.schema = config.schema();
    this.parts = DriverParts.forServer(dialect, schema);
    this.factory = factory;
    this.permits = new PoolPermits(config.poolMaxSize());
    this.poolMaxSize = config.poolMaxSize();
    this.acquiring = new PoolAcquire(dialect.backend(), config.acquireTimeout(),
        config.poolMaxSize(), LateRelease::release,
        e -> parts.current().errors().translate(e, null));
    this.statementTimeout = config.statementTimeout();
    // a server's sessions can stop answering (see Abandonable); an embedded one's cannot
    ConnectionFactory sessions = factory instanceof LocallyValidated ? factory
        : new Abandonable(factory, config.validateOnAcquire());
    // No maxAcquireTime: PoolAcquire's hand-over ends the wait at the same limit, on a shared
    // timer, where r2dbc-pool's Mono.timeout wakes a parallel thread per get. Its dropped-value
    // hook (close a connection that comes after a cancel) is not needed either: such a
    // connection reaches the hand-over, whose late path gives its reference back (LateRelease).
    ConnectionPoolConfiguration.Builder pooling = ConnectionPoolConfiguration.builder(sessions)
        .name("toasty-" + dialect.backend())
        .initialSize(0)
        .maxSize(config.poolMaxSize())
        .maxIdleTime(config.maxIdleTime())
        .preRelease(Abandonable::releasable)
        .customizer(builder -> builder.allocationStrategy(permits));
    // without a query, the pool's default LOCAL check: each session itself makes a lend's check
    // a round trip after an idle while (Abandonable), or answers it locally (LocallyValidated)
    if (config.validationQuery() != null) {
      pooling.validationQuery(config.validationQuery());
    }
    if (config.statementTimeout() != null) {
      Duration limit = config.statementTimeout();
      pooling.postAllocate(c -> limitStatements(c, limit));
    }
    this.pool = new ConnectionPool(pooling.build());
    this.keepDatabaseAlive = keepDatabaseAlive;
    this.keepAlive = keepDatabaseAlive
        ? Mono.defer(() -> Mono.from(factory.create()))
            .flatMap(this::holdKeepAlive)
            .cache(v -> FOREVER, e -> Duration.ZERO, () -> FOREVER)
        : Mono.empty();
  }

  /**
   * Sets the session's statement timeout once, when the pool opens the connection: the server
   * then stops a statement at the limit itself (a {@code QueryTimeoutException}), so the work
   * ends on the server, not only in the client.
   */
  private Mono<Void> limitStatements(io.r2dbc.spi.Connection c, Duration limit) {
    return StatementLimit.apply(c, DriverParts.of(parts, c).dialect(), limit);
  }

  private Mono<Void> holdKeepAlive(io.r2dbc.spi.Connection connection) {
    if (closed.get() || !keepAliveConnection.compareAndSet(null, connection)) {
      return Mono.from(connection.close());
    }
    return Mono.empty();
  }

  @Override
  public Optional<OperationText> operationText() {
    return Optional.of(new SqlOperationText(parts.current().renderer()));
  }

  @Override
  public Capability capability() {
    return dialect.capability();
  }

  /**
   * The SQL dialect this driver writes: the URL's, or once a connection was made, the server's
   * (MariaDB behind an {@code r2dbc:mysql:} URL).
   */
  public SqlDialect dialect() {
    return parts.current().dialect();
  }

  /** The pool's gauges: acquired, idle and allocated connections, pending acquires. */
  public Optional<PoolMetrics> poolMetrics() {
    return pool.getMetrics();
  }

  @Override
  public Optional<PoolState> poolState() {
    return Optional.of(pool.getMetrics()
        .map(m -> new PoolState(poolMaxSize, m.acquiredSize(), m.idleSize(), m.allocatedSize(),
            m.pendingAcquireSize()))
        .orElseGet(() -> new PoolState(poolMaxSize, permits.permitGranted(), 0,
            permits.permitGranted(), 0)));
  }

  /** Connection permits the pool returned twice while in use (for tests: a release counted twice). */
  int permitsReturnedTwice() {
    return permits.overReturned();
  }

  /** The renderer, whose cache holds one rendering per statement instance. */
  public SqlRenderer renderer() {
    return parts.current().renderer();
  }

  @Override
  public Mono<Connection> connect() {
    return acquiring.from(this::create, this::lent);
  }

  private Mono<R2dbcConnection> acquire() {
    return acquiring.from(this::create, this::lent);
  }

  /** One ask of the pool (an attempt of {@link PoolAcquire}). */
  private Mono<? extends io.r2dbc.spi.Connection> create() {
    return closed.get()
        ? Mono.error(new DriverException(dialect.backend(), null, "the driver is closed", null))
        : keepAliveNeeded() ? keepAlive.then(pool.create()) : pool.create();
  }

  /** A pooled connection as lent to the engine. */
  private R2dbcConnection lent(io.r2dbc.spi.Connection c) {
    return new R2dbcConnection(c, DriverParts.of(parts, c), statementTimeout, statementTimeout)
        .outsideTransaction();
  }

  /** Whether an in-memory database still needs its keep-alive connection opened. */
  private boolean keepAliveNeeded() {
    return keepDatabaseAlive && keepAliveConnection.get() == null;
  }

  @Override
  public Mono<Void> pushSchema() {
    return SchemaCommands.push(acquire(), schema);
  }

  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return SchemaCommands.upgrades(acquire(), schema);
  }

  @Override
  public Mono<Void> resetSchema() {
    return SchemaCommands.reset(acquire(), schema);
  }

  /**
   * {@inheritDoc} On PostgreSQL, {@code LISTEN} on the model's table, on a connection of its own
   * outside the pool ({@link ChangeListener}); the table's trigger is made by schema push.
   */
  @Override
  public Flux<ChangeNotice> changes(String model, @Nullable String after) {
    return ChangeListener.stream(dialect, schema, model, after, listeners, () -> closed.get() ? null : factory,
        table -> e -> parts.current().errors().translate(e, table));
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      permits.closing();
      return pool.disposeLater()
          .then(Mono.defer(() -> {
            io.r2dbc.spi.Connection held = keepAliveConnection.getAndSet(null);
            return held == null ? Mono.<Void>empty() : Mono.from(held.close());
          }))
          .doOnError(e -> LOG.warn("closing the {} driver failed", dialect.backend(), e));
    });
  }
}
