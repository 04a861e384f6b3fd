package io.toasty.spring;

import tools.jackson.databind.json.JsonMapper;

/**
 * A mapper with the starter's Jackson module on Jackson 3, Spring Boot 4's, for the shared
 * {@link JacksonModuleContract}; Boot 3's starter has one on Jackson 2.
 */
final class BootJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(new ToastyJacksonModule()).build();

  private BootJson() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
