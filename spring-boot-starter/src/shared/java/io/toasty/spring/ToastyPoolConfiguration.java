package io.toasty.spring;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.r2dbc.R2dbcDrivers;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The bean of {@code ToastyConnectionFactoryAutoConfiguration}, the same on every Spring Boot
 * version: with {@code toasty.url} set to an R2DBC URL, the application's one pooled
 * {@code ConnectionFactory} comes from it. Each starter's subclass runs before its Boot
 * version's {@code R2dbcAutoConfiguration}, which then backs off, so there is no second, unused
 * pool, and Spring's transaction manager and {@code DatabaseClient} use the same pool as the
 * {@code Db}.
 */
abstract class ToastyPoolConfiguration {

  /**
   * A pool (toasty.pool-max-size connections) on the URL's R2DBC driver, with the times and the
   * abandonable sessions of {@link PoolDefaults}; a server's connection is checked with a round
   * trip before it is handed out ({@link R2dbcDrivers#acquireValidation}).
   */
  @Bean(destroyMethod = "dispose")
  @ConditionalOnMissingBean(ConnectionFactory.class)
  public ConnectionPool connectionFactory(ToastyProperties properties) {
    ConnectionFactory unpooled = R2dbcDrivers.abandonable(unpooled(Objects.requireNonNull(
        properties.getUrl(), "made only for an R2DBC toasty.url (OnR2dbcUrl)")));
    return new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled)
        .name("toasty")
        .initialSize(0)
        .maxSize(properties.getPoolMaxSize())
        .maxAcquireTime(properties.getAcquireTimeout())
        .maxCreateConnectionTime(PoolDefaults.CREATE_CONNECTION)
        .maxValidationTime(PoolDefaults.VALIDATION)
        .validationDepth(R2dbcDrivers.acquireValidation(unpooled))
        .build());
  }

  private static ConnectionFactory unpooled(String url) {
    try {
      return R2dbcDrivers.connectionFactory(url);
    } catch (IllegalArgumentException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.UNKNOWN_URL,
          "toasty.url=" + url + " names no backend Toasty serves", e);
    } catch (IllegalStateException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.MISSING_DRIVER,
          "toasty.url=" + url + " needs an R2DBC driver that is not on the class path ("
              + e.getMessage() + ")", e);
    }
  }
}
