package io.toasty.vertx;

import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Makes {@link VertxDriver}s for Vert.x URLs: {@code vertx:postgresql://user@host:5432/db}
 * (or {@code vertx:postgres:}), served by vertx-pg-client, and
 * {@code vertx:mariadb://user@host:3306/db} or {@code vertx:mysql://..}, served by
 * vertx-mysql-client. Found through {@link ServiceLoader}.
 */
public final class VertxDriverProvider implements DriverProvider {

  @Override
  public boolean supports(String url) {
    return url != null
        && (VertxUrl.isPostgresql(url) || VertxUrl.isMariadb(url) || VertxUrl.isMysql(url));
  }

  /**
   * A driver for {@code config.url()}, on a Vert.x instance of its own that its close closes.
   * Nothing connects until the driver is used.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:postgresql:},
   *                                  {@code vertx:mariadb:} or {@code vertx:mysql:} one, or
   *                                  cannot be parsed
   */
  @Override
  public Driver open(DriverConfig config) {
    Objects.requireNonNull(config, "config");
    return VertxUrl.isPostgresql(config.url()) ? VertxDriver.postgresql(config)
        : VertxDriver.mysql(config);
  }
}
