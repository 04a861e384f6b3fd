package io.toasty.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Registers {@link ToastyJacksonModule} with Spring Boot's {@code ObjectMapper}, for the models
 * the {@code Db} serves ({@link ToastyModels}) and {@code toasty.jackson.type-property}.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(ObjectMapper.class)
@EnableConfigurationProperties(ToastyJacksonProperties.class)
public class ToastyJacksonAutoConfiguration {

  /** The module; Spring Boot registers every {@code Module} bean with its mapper. */
  @Bean
  @ConditionalOnMissingBean
  public ToastyJacksonModule toastyJacksonModule(ObjectProvider<ToastyModels> models,
      ToastyJacksonProperties properties, ResourceLoader resources) {
    return new ToastyJacksonModule(ToastyModels.of(models, resources),
        properties.getTypeProperty());
  }
}
