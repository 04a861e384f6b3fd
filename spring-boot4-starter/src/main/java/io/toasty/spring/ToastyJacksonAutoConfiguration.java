package io.toasty.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link ToastyJacksonModule} (Jackson 3) with Spring Boot 4's {@code JsonMapper},
 * which WebFlux's JSON codecs use, for the models the {@code Db} serves ({@link ToastyModels})
 * and {@code toasty.jackson.type-property}.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapper.class)
@EnableConfigurationProperties(ToastyJacksonProperties.class)
public class ToastyJacksonAutoConfiguration {

  /** The module; Spring Boot adds every {@code JacksonModule} bean to its mapper. */
  @Bean
  @ConditionalOnMissingBean
  public ToastyJacksonModule toastyJacksonModule(ObjectProvider<ToastyModels> models,
      ToastyJacksonProperties properties, ResourceLoader resources) {
    return new ToastyJacksonModule(ToastyModels.of(models, resources),
        properties.getTypeProperty());
  }
}
