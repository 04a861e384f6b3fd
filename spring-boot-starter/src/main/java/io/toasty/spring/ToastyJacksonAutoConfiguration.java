package io.toasty.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers {@link ToastyJacksonModule} with Spring Boot's {@code ObjectMapper}. */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(ObjectMapper.class)
public class ToastyJacksonAutoConfiguration {

  /** The module; Spring Boot registers every {@code Module} bean with its mapper. */
  @Bean
  @ConditionalOnMissingBean
  public ToastyJacksonModule toastyJacksonModule() {
    return new ToastyJacksonModule();
  }
}
