package io.toasty.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The {@code Db} bean on the application's {@code ConnectionFactory} bean, its models, the
 * start-up schema action and exception translation ({@link ToastyDbConfiguration}), after
 * Spring Boot 3's R2DBC auto-configuration has made that factory from {@code spring.r2dbc.*}.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class,
    ToastyConnectionFactoryAutoConfiguration.class})
@EnableConfigurationProperties(ToastyProperties.class)
public class ToastyAutoConfiguration extends ToastyDbConfiguration {
}
