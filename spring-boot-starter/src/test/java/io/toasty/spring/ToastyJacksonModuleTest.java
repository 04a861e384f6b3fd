package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spring Boot 3's own mapper (Jackson 2) has the starter's module; the round trips through it
 * are {@link JacksonModuleContract}'s, on each database.
 */
class ToastyJacksonModuleTest {

  @Test
  void springBootsMapperHasTheModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
            ToastyJacksonAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(ObjectMapper.class).getRegisteredModuleIds())
            .contains("toasty"));
  }
}
