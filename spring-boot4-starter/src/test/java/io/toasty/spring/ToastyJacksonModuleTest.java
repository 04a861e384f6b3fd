package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** {@link JacksonModuleContract} on Jackson 3, Spring Boot 4's. */
class ToastyJacksonModuleTest extends JacksonModuleContract {
  private final JsonMapper mapper = JsonMapper.builder().addModule(new ToastyJacksonModule())
      .build();

  @Override
  String write(Object value) {
    return mapper.writeValueAsString(value);
  }

  @Override
  <T> T read(String json, Class<T> type) {
    return mapper.readValue(json, type);
  }

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
                new Login("ann", io.toasty.Sensitive.of("hunter2"), java.util.Optional.empty())))
            .contains("\"password\":\"***\"").doesNotContain("hunter2"));
  }
}
