package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot 4's own mapper (Jackson 3) has the starter's module and masks secrets; the round
 * trips through it are {@link JacksonModuleContract}'s, on each database.
 */
class ToastyJacksonModuleTest {

  @Test
  void springBootsMapperHasTheModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
            ToastyJacksonAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
            .extracting(JacksonModule::getModuleName).contains("toasty"));
  }

  /** Boot's own mapper, which WebFlux writes responses with, masks a secret. */
  @Test
  void springBootsOwnMapperMasksSecrets() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
            ToastyJacksonAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(JsonMapper.class).writeValueAsString(
                new JacksonModuleContract.Login("ann", Secret.of("hunter2"), Optional.empty())))
            .contains("\"password\":\"***\"").doesNotContain("hunter2"));
  }
}
