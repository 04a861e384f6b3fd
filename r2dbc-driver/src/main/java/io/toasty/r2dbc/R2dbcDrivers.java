package io.toasty.r2dbc;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.driver.DriverConfig;
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
    ConnectionFactoryOptions options = dialect.connectionOptions(
        ConnectionFactoryOptions.parse(R2dbcDriverProvider.withoutPool(url)));
    ConnectionFactory factory = ConnectionFactories.get(options);
    return dialect.embedded(options) ? new LocallyValidated(factory) : factory;
  }
}
