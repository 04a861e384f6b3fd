package io.toasty.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * A mapper with the starter's Jackson module on Jackson 2, Spring Boot 3's, for the shared
 * {@link JacksonModuleContract}; Boot 4's starter has one on Jackson 3.
 */
final class BootJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
      .registerModule(new ToastyJacksonModule());

  private BootJson() {}

  static String write(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) throws Exception {
    return MAPPER.readValue(json, type);
  }
}
