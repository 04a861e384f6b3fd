package io.toasty.spring;

import io.toasty.reactive.Db;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A reactive health indicator for the {@code Db}, named {@code toasty}, with Spring Boot 4's
 * health module ({@code spring-boot-health}, which Actuator brings) present.
 */
@AutoConfiguration(after = {ToastyAutoConfiguration.class, ToastyDynamoAutoConfiguration.class})
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(Db.class)
@ConditionalOnEnabledHealthIndicator("toasty")
public class ToastyHealthAutoConfiguration {

  /** The indicator. */
  @Bean(name = "toastyHealthIndicator")
  @ConditionalOnMissingBean(name = "toastyHealthIndicator")
  public ToastyHealthIndicator toastyHealthIndicator(Db db) {
    return new ToastyHealthIndicator(db);
  }
}
