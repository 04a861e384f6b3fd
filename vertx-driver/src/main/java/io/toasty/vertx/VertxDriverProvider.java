package io.toasty.vertx;

import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Makes {@link VertxDriver}s for Vert.x URLs: {@code vertx:postgresql://user@host:5432/db}
 * (or {@code vertx:postgres:}), served by vertx-pg-client. Found through {@link ServiceLoader}.
 */
public final class VertxDriverProvider implements DriverProvider {

  @Override
  public boolean supports(String url) {
    return url != null && VertxUrl.isPostgresql(url);
  }

  /**
   * A driver for {@code config.url()}, on a Vert.x instance of its own that its close closes.
   * Nothing connects until the driver is used.
   *
   * @throws IllegalArgumentException when the URL is not a {@code vertx:postgresql:} one or
   *                                  cannot be parsed
   */
  @Override
  public Driver open(DriverConfig config) {
    Objects.requireNonNull(config, "config");
    return VertxDriver.postgresql(config);
  }
}
