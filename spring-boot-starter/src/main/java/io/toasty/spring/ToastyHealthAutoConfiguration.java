package io.toasty.spring;

import io.toasty.reactive.Db;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** A reactive health indicator for the {@code Db}, named {@code toasty}, with Actuator present. */
@AutoConfiguration(after = ToastyAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(Db.class)
@ConditionalOnEnabledHealthIndicator("toasty")
public class ToastyHealthAutoConfiguration {

  /** The indicator. */
  @Bean(name = "toastyHealthIndicator")
  @ConditionalOnMissingBean(name = "toastyHealthIndicator")
  public ToastyHealthIndicator toastyHealthIndicator(Db db, ToastyModels models) {
    return new ToastyHealthIndicator(db, models.all());
  }
}
