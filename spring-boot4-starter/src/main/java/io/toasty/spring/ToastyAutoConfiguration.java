package io.toasty.spring;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code Db} bean on the application's {@code ConnectionFactory} bean, its models, the
 * start-up schema action, exception translation and the default transaction manager
 * ({@link ToastyDbConfiguration}), after
 * Spring Boot 4's R2DBC auto-configuration (module {@code spring-boot-r2dbc}) has made that
 * factory from {@code spring.r2dbc.*}.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class,
    ToastyConnectionFactoryAutoConfiguration.class},
    before = {R2dbcTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@EnableConfigurationProperties(ToastyProperties.class)
public class ToastyAutoConfiguration extends ToastyDbConfiguration {

  /**
   * Spring Boot's {@code spring.r2dbc.pool.*} times that the application left unset, filled in
   * before Boot builds its pool ({@link PoolDefaults}): every wait of the pool the {@code Db}
   * runs on has an end.
   */
  @Bean
  static BeanPostProcessor toastyPoolDefaults(Environment environment) {
    return PoolDefaults.forBootPool(R2dbcProperties.class, R2dbcProperties::getPool, environment);
  }
}
