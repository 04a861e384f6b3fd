package io.toasty.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Conditional;

/**
 * With {@code toasty.url} set to an R2DBC URL, the application's one pooled
 * {@code ConnectionFactory} comes from it ({@link ToastyPoolConfiguration}); it runs before
 * Spring Boot 4's R2DBC auto-configuration, which then backs off.
 */
@AutoConfiguration(before = R2dbcAutoConfiguration.class)
@Conditional(OnR2dbcUrl.class)
@EnableConfigurationProperties(ToastyProperties.class)
public class ToastyConnectionFactoryAutoConfiguration extends ToastyPoolConfiguration {
}
