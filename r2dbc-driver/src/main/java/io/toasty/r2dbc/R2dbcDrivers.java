package io.toasty.r2dbc;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;
import io.toasty.driver.DriverConfig;
import io.toasty.r2dbc.pool.Abandonable;
import io.toasty.r2dbc.pool.LocallyValidated;
import io.toasty.sql.dialect.SqlDialect;
import java.util.Locale;
import java.util.Objects;

/**
 * Drivers made from something other than a URL, for {@code DbBuilder.driverFactory(..)}:
 *
 * <pre>{@code
 * Db db = Toasty.builder().models(Users.MODEL)
 *     .driverFactory(config -> R2dbcDrivers.onConnectionFactory(connectionFactory, config))
 *     .build();
 * }</pre>
 */
public final class R2dbcDrivers {
  private R2dbcDrivers() {}

  /**
   * A driver on {@code factory}, which stays its owner's: no second pool is made (pool it
   * yourself, as Spring Boot's {@code spring.r2dbc.pool.*} does), and the driver's
   * {@code close()} leaves it open. The dialect comes from {@code config.url()} when that is an
   * R2DBC URL, else from the factory's product name. The pool options of {@code config} are
   * ignored.
   *
   * @throws IllegalArgumentException when the factory's database has no SQL dialect
   */
  public static FactoryDriver onConnectionFactory(ConnectionFactory factory,
      DriverConfig config) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(config, "config");
    return new FactoryDriver(factory, config);
  }

  /**
   * An unpooled R2DBC {@code ConnectionFactory} for a URL this library serves, made as the
   * URL-based driver makes its own ({@code r2dbc:pool:} read as the plain URL, the dialect's
   * connection options applied), for a caller that pools it (the Spring Boot starter's
   * {@code toasty.url}).
   *
   * @throws IllegalArgumentException when the URL names no supported SQL backend
   * @throws IllegalStateException when the backend's R2DBC driver is not on the class path
   */
  public static ConnectionFactory connectionFactory(String url) {
    Objects.requireNonNull(url, "url");
    SqlDialect dialect = SqlDialect.forUrl(url).orElseThrow(() ->
        new IllegalArgumentException("no SQL dialect for URL " + url));
    ConnectionFactoryOptions options = DialectConnections.connectionOptions(dialect,
        ConnectionFactoryOptions.parse(R2dbcDriverProvider.withoutPool(url)));
    ConnectionFactory factory = ConnectionFactories.get(options);
    return DialectConnections.embedded(dialect, options) ? new LocallyValidated(factory)
        : factory;
  }

  /**
   * {@code factory} (unpooled) made ready to be pooled by someone else's r2dbc-pool
   * {@code ConnectionPool} with the guarantee Toasty's own pool gives: a session that stopped
   * answering (a read the R2DBC driver never ends after the server killed the session) can be
   * given up, and the pool then drops it instead of keeping its slot for good. Each connection
   * is wrapped (its {@code unwrap()} is the driver's connection). The Spring Boot starters wrap
   * the factories they pool; do the same when you build the pool that you hand to
   * {@link #onConnectionFactory}:
   *
   * <pre>{@code
   * ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration
   *     .builder(R2dbcDrivers.abandonable(ConnectionFactories.get(url)))
   *     .maxSize(10).maxAcquireTime(Duration.ofSeconds(30)).build());
   * }</pre>
   *
   * An embedded database's factory (H2, SQLite), whose sessions cannot stop answering, and a
   * pool are returned as they are.
   */
  public static ConnectionFactory abandonable(ConnectionFactory factory) {
    Objects.requireNonNull(factory, "factory");
    if (factory instanceof Abandonable || factory instanceof LocallyValidated
        || factory instanceof ConnectionPool || embedded(factory)) {
      return factory;
    }
    return new Abandonable(factory);
  }

  /**
   * How a pool of {@code factory}'s connections should check one before handing it out. For
   * {@link #abandonable} sessions of a database server, {@link ValidationDepth#LOCAL}: such a
   * session answers a lend's local check with a round trip (PostgreSQL's {@code SELECT 1},
   * MariaDB's ping) when it sat idle in the pool longer than a short bound, since its server may
   * have ended it meanwhile (a restart, a failover, an operator's kill), and with a look at its
   * socket when it was lent again soon, which saves a round trip per statement. For any other
   * server factory, {@link ValidationDepth#REMOTE} on every lend. For an embedded database (H2 in
   * memory, SQLite), which has no session to lose, {@code LOCAL}. Toasty's own pool and the
   * starters' use it; use it for a pool you build
   * (FaultScenarios#aReadRightAfterIdleSessionsAreKilledSucceeds shows why).
   */
  public static ValidationDepth acquireValidation(ConnectionFactory factory) {
    Objects.requireNonNull(factory, "factory");
    return factory instanceof LocallyValidated || factory instanceof Abandonable
        || embedded(factory) ? ValidationDepth.LOCAL : ValidationDepth.REMOTE;
  }

  /** Whether {@code factory}'s database runs in this JVM (H2, SQLite): no session to lose. */
  private static boolean embedded(ConnectionFactory factory) {
    String name = String.valueOf(factory.getMetadata().getName()).toLowerCase(Locale.ROOT);
    return name.equals("h2") || name.contains("sqlite");
  }
}
