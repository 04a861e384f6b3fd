package io.toasty.spring;

import io.toasty.r2dbc.R2dbcDrivers;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.core.env.Environment;

/**
 * What the starters give the pool the {@code Db} runs on, whether Spring Boot builds it from
 * {@code spring.r2dbc.*} or the starter from {@code toasty.url}, so that it keeps the promises of
 * Toasty's own pool: no wait without an end (a max acquire time, a max time to open a
 * connection, a max time to validate one), and a session that stopped answering dropped from the
 * pool instead of keeping its slot ({@link R2dbcDrivers#abandonable}). A value the application
 * set is kept.
 */
final class PoolDefaults {
  /** How long opening one connection may take. */
  static final Duration CREATE_CONNECTION = Duration.ofSeconds(10);
  /** How long validating one connection may take. */
  static final Duration VALIDATION = Duration.ofSeconds(5);

  private PoolDefaults() {}

  /**
   * Fills in, before Spring Boot builds its pool, the times of {@code spring.r2dbc.pool.*} that
   * the application left unset: {@code max-acquire-time} ({@code toasty.acquire-timeout}),
   * {@code max-create-connection-time} ({@link #CREATE_CONNECTION}) and
   * {@code max-validation-time} ({@link #VALIDATION}).
   *
   * @param type the Boot version's {@code R2dbcProperties} (its package moved in Boot 4)
   * @param pool its {@code getPool()}
   */
  static <P> BeanPostProcessor forBootPool(Class<P> type, Function<P, Object> pool,
      Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (type.isInstance(bean)) {
          BeanWrapper times = PropertyAccessorFactory.forBeanPropertyAccess(
              pool.apply(type.cast(bean)));
          setIfUnset(times, "maxAcquireTime", acquireTimeout(environment));
          setIfUnset(times, "maxCreateConnectionTime", CREATE_CONNECTION);
          setIfUnset(times, "maxValidationTime", VALIDATION);
        }
        return bean;
      }
    };
  }

  private static void setIfUnset(BeanWrapper pool, String property, Duration value) {
    if (pool.getPropertyValue(property) == null) {
      pool.setPropertyValue(property, value);
    }
  }

  /**
   * The decorator Spring Boot applies to the factory it pools (before the pool): connections
   * that can be given up ({@link R2dbcDrivers#abandonable}); a factory that already pools
   * ({@code r2dbc:pool:} URLs) is left as it is.
   */
  static ConnectionFactoryDecorator abandonableSessions() {
    return R2dbcDrivers::abandonable;
  }

  /** {@code toasty.acquire-timeout}, read before the properties bean exists. */
  private static Duration acquireTimeout(Environment environment) {
    return Binder.get(environment).bind("toasty.acquire-timeout", Duration.class)
        .orElseGet(() -> new ToastyProperties().getAcquireTimeout());
  }
}
