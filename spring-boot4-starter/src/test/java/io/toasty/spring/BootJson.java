package io.toasty.spring;

import io.toasty.ModelIndex;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mapper with the starter's Jackson module on Jackson 3, Spring Boot 4's, for the shared
 * {@link JacksonModuleContract}; Boot 3's starter has one on Jackson 2.
 */
final class BootJson {
  private static final JsonMapper MAPPER = mapper(ToastyJacksonModule.TYPE_PROPERTY);

  private BootJson() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** {@code value} written by a mapper whose module names variants in {@code typeProperty}. */
  static String write(String typeProperty, Object value) {
    return mapper(typeProperty).writeValueAsString(value);
  }

  /** {@code json} read by a mapper whose module names variants in {@code typeProperty}. */
  static <T> T read(String typeProperty, String json, Class<T> type) {
    return mapper(typeProperty).readValue(json, type);
  }

  private static JsonMapper mapper(String typeProperty) {
    return JsonMapper.builder().addModule(new ToastyJacksonModule(
        ModelIndex.load(BootJson.class.getClassLoader()), typeProperty)).build();
  }
}
