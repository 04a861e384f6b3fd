package io.toasty.r2dbc;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.driver.Capability;
import io.toasty.driver.ChangeNotice;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.r2dbc.pool.LateRelease;
import io.toasty.r2dbc.pool.PoolAcquire;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.ServerParts;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.push.SchemaCommands;
import io.toasty.sql.render.SqlOperationText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An SQL backend over a {@link ConnectionFactory} that someone else owns and pools, such as the
 * {@code ConnectionFactory} bean of a Spring Boot application (an r2dbc-pool {@code ConnectionPool}
 * configured by {@code spring.r2dbc.pool.*}). Unlike {@link R2dbcDriver} it keeps no pool of its
 * own: each {@link #connect()} is one {@code factory.create()}, and closing the connection hands
 * it back to the factory's pool. {@link #close()} leaves the factory open: its owner closes it.
 *
 * <p>It keeps the promises of Toasty's own pool there ({@link PoolAcquire}): an acquire ends at
 * the {@code Db}'s acquire timeout with a transient {@code PoolTimeoutException}, a connection
 * that failed the pool's validation is asked for again, and a connection that failed with a
 * connection-level error is closed under the pool's wrapper, so that the pool discards it. A
 * session that stops answering is dropped from the pool where the pool was built on
 * {@link R2dbcDrivers#abandonable}.
 *
 * <p>{@link #adopt(io.r2dbc.spi.Connection)} runs statements on a connection the caller owns
 * (one Spring's transaction manager bound to a transaction) without ever closing it.
 *
 * <p>Made with {@link R2dbcDrivers#onConnectionFactory(ConnectionFactory, DriverConfig)}.
 */
public final class FactoryDriver implements Driver {
  private final ConnectionFactory factory;
  private final Schema schema;
  private final SqlDialect dialect;
  private final ServerParts<DriverParts> parts;
  /** The statements' default timeout: set per statement, as the pool is someone else's. */
  private final @Nullable Duration statementTimeout;
  private final PoolAcquire acquiring;
  /** The listeners of live change streams, one per table, shared by its subscribers. */
  private final ListenerHub listeners = new ListenerHub();

  FactoryDriver(ConnectionFactory factory, DriverConfig config) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.schema = Objects.requireNonNull(config, "config").schema();
    this.dialect = dialectOf(factory, config.url());
    this.parts = DriverParts.forServer(dialect, schema);
    this.statementTimeout = config.statementTimeout();
    this.acquiring = acquiring(factory, dialect, config, parts);
  }

  /**
   * The dialect of {@code url} when it is an R2DBC URL, else of the factory's product name
   * ({@code ConnectionFactoryMetadata.getName()}: H2, PostgreSQL, MySQL, MariaDB, SQLite).
   *
   * @throws IllegalArgumentException when neither names a supported backend
   */
  static SqlDialect dialectOf(ConnectionFactory factory, String url) {
    Optional<SqlDialect> fromUrl = SqlDialect.forUrl(url);
    if (fromUrl.isPresent()) {
      return fromUrl.get();
    }
    String name = factory.getMetadata().getName();
    String scheme = "r2dbc:" + name.toLowerCase(Locale.ROOT).replace(" ", "") + ":";
    return SqlDialect.forUrl(scheme).orElseThrow(() -> new IllegalArgumentException(
        "no SQL dialect for the R2DBC ConnectionFactory of " + name + " ("
            + factory.getClass().getName() + "); supported: H2, PostgreSQL, MySQL, MariaDB, SQLite"));
  }

  /**
   * The factory this driver takes its connections from (the Spring Boot starters check that a
   * transaction manager's factory is this one before queueing its connections with the
   * {@code Db}'s).
   */
  public ConnectionFactory connectionFactory() {
    return factory;
  }

  @Override
  public Optional<OperationText> operationText() {
    return Optional.of(new SqlOperationText(parts.current().renderer()));
  }

  @Override
  public Capability capability() {
    return dialect.capability();
  }

  /** The SQL dialect this driver writes. */
  public SqlDialect dialect() {
    return parts.current().dialect();
  }

  @Override
  public Mono<Connection> connect() {
    return acquiring.from(() -> Mono.from(factory.create()), this::lent);
  }

  private Mono<R2dbcConnection> acquire() {
    return acquiring.from(() -> Mono.from(factory.create()), this::lent);
  }

  /** A connection of the factory as lent to the engine. */
  private R2dbcConnection lent(io.r2dbc.spi.Connection c) {
    return new R2dbcConnection(c, DriverParts.of(parts, c), null, statementTimeout)
        .outsideTransaction();
  }

  /**
   * The factory's acquire as Toasty's own pool's: bounded by the {@code Db}'s acquire timeout,
   * a connection that failed the pool's validation asked again up to the pool's size, errors
   * typed. A connection r2dbc-pool delivered after the wait gave up has its pool reference given
   * back ({@link LateRelease}); a factory without a pool has its late connection closed here.
   */
  private static PoolAcquire acquiring(ConnectionFactory factory, SqlDialect dialect,
      DriverConfig config, ServerParts<DriverParts> parts) {
    boolean pooled = factory instanceof ConnectionPool;
    int size = factory instanceof ConnectionPool pool
        ? pool.getMetrics().map(m -> m.getMaxAllocatedSize()).orElse(0) : 0;
    return new PoolAcquire(dialect.backend(), config.acquireTimeout(), size,
        pooled ? LateRelease::release : c -> Mono.from(c.close()).subscribe(null, e -> { }),
        e -> parts.current().errors().translate(e, null));
  }

  /**
   * {@inheritDoc} The listener's connection is never one of the application's pool: where the
   * factory is an r2dbc-pool {@link ConnectionPool} (Spring Boot's), it is opened from the
   * factory the pool wraps; any other factory is taken for one without a pool.
   */
  @Override
  public Flux<ChangeNotice> changes(String model, @Nullable String after) {
    ConnectionFactory unpooled = factory instanceof ConnectionPool pool ? pool.unwrap() : factory;
    return ChangeListener.stream(dialect, schema, model, after, listeners, () -> unpooled,
        table -> e -> parts.current().errors().translate(e, table));
  }

  /**
   * The factory's pool, when it is an r2dbc-pool {@link ConnectionPool} (Spring Boot's is): the
   * engine sizes its connection gate from it, so that a plan with includes takes its two
   * connections from the application's pool in one step. Empty for a factory without a pool.
   */
  @Override
  public Optional<PoolState> poolState() {
    if (!(factory instanceof ConnectionPool pool)) {
      return Optional.empty();
    }
    return pool.getMetrics().map(m -> new PoolState(m.getMaxAllocatedSize(), m.acquiredSize(),
        m.idleSize(), m.allocatedSize(), m.pendingAcquireSize()));
  }

  /**
   * A connection that runs this driver's operations on {@code connection}, which the caller
   * owns: its {@code close()} does nothing, and BEGIN, COMMIT and ROLLBACK are the owner's
   * business (savepoints pass through). Used for a connection bound to an outer transaction.
   */
  public AdoptedConnection adopt(io.r2dbc.spi.Connection connection) {
    Objects.requireNonNull(connection, "connection");
    return new AdoptedConnection(connection,
        new R2dbcConnection(connection, DriverParts.of(parts, connection), null,
            statementTimeout));
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

  /** Does nothing: the factory belongs to whoever made it. */
  @Override
  public Mono<Void> close() {
    return Mono.empty();
  }
}
