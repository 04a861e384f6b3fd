package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link JacksonModuleContract} on Jackson 2, Spring Boot 3's. */
class ToastyJacksonModuleTest extends JacksonModuleContract {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module())
      .registerModule(new ToastyJacksonModule());

  @Override
  String write(Object value) throws Exception {
    return mapper.writeValueAsString(value);
  }

  @Override
  <T> T read(String json, Class<T> type) throws Exception {
    return mapper.readValue(json, type);
  }

  @Test
  void springBootsMapperHasTheModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
            ToastyJacksonAutoConfiguration.class))
        .run(context -> assertThat(context.getBean(ObjectMapper.class).getRegisteredModuleIds())
            .contains("toasty"));
  }
}
