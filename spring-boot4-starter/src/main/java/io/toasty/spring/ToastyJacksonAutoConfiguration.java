package io.toasty.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link ToastyJacksonModule} (Jackson 3) with Spring Boot 4's {@code JsonMapper},
 * which WebFlux's JSON codecs use.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapper.class)
public class ToastyJacksonAutoConfiguration {

  /** The module; Spring Boot adds every {@code JacksonModule} bean to its mapper. */
  @Bean
  @ConditionalOnMissingBean
  public ToastyJacksonModule toastyJacksonModule() {
    return new ToastyJacksonModule();
  }
}
