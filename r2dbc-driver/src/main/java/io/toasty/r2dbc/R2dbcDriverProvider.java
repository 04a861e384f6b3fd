package io.toasty.r2dbc;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import io.toasty.r2dbc.pool.LocallyValidated;
import io.toasty.sql.dialect.SqlDialect;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Makes {@link R2dbcDriver}s for R2DBC URLs whose backend has a {@link SqlDialect}:
 * {@code r2dbc:h2:mem:///app}, {@code r2dbc:postgresql://user@host:5432/db},
 * {@code r2dbc:mysql://user@host:3306/db}, {@code r2dbc:mariadb://user@host:3306/db} (served by
 * the mysql driver) and {@code r2dbc:sqlite:/path/app.db} (the sqlite-bridge). The backend's R2DBC
 * driver must be on the class path. Found through {@link ServiceLoader}.
 */
public final class R2dbcDriverProvider implements DriverProvider {

  @Override
  public boolean supports(String url) {
    return SqlDialect.forUrl(url).isPresent();
  }

  /**
   * {@code r2dbc:pool:postgresql://..} as {@code r2dbc:postgresql://..}: the driver pools its
   * connections itself (with the {@code Db}'s pool options), so r2dbc-pool's URL form is
   * accepted and its pool left out.
   */
  static String withoutPool(String url) {
    return url.regionMatches(true, 0, "r2dbc:pool:", 0, "r2dbc:pool:".length())
        ? "r2dbc:" + url.substring("r2dbc:pool:".length()) : url;
  }

  /**
   * A driver for {@code config.url()}. Nothing connects until the driver is used.
   *
   * @throws IllegalArgumentException when the URL names no supported backend or cannot be parsed
   */
  @Override
  public Driver open(DriverConfig config) {
    Objects.requireNonNull(config, "config");
    SqlDialect dialect = SqlDialect.forUrl(config.url()).orElseThrow(() ->
        new IllegalArgumentException("no SQL dialect for URL " + config.url()));
    ConnectionFactoryOptions options = DialectConnections.connectionOptions(dialect,
        ConnectionFactoryOptions.parse(withoutPool(config.url())));
    ConnectionFactory factory = ConnectionFactories.get(options);
    if (DialectConnections.embedded(dialect, options)) {
      factory = new LocallyValidated(factory);
    }
    return new R2dbcDriver(dialect, config, factory,
        DialectConnections.needsKeepAlive(dialect, options));
  }
}
