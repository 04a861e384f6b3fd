package io.toasty.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.toasty.ModelIndex;

/**
 * A mapper with the starter's Jackson module on Jackson 2, Spring Boot 3's, for the shared
 * {@link JacksonModuleContract}; Boot 4's starter has one on Jackson 3.
 */
final class BootJson {
  private static final ObjectMapper MAPPER = mapper(ToastyJacksonModule.TYPE_PROPERTY);

  private BootJson() {}

  static String write(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) throws Exception {
    return MAPPER.readValue(json, type);
  }

  /** {@code value} written by a mapper whose module names variants in {@code typeProperty}. */
  static String write(String typeProperty, Object value) throws Exception {
    return mapper(typeProperty).writeValueAsString(value);
  }

  /** {@code json} read by a mapper whose module names variants in {@code typeProperty}. */
  static <T> T read(String typeProperty, String json, Class<T> type) throws Exception {
    return mapper(typeProperty).readValue(json, type);
  }

  private static ObjectMapper mapper(String typeProperty) {
    return new ObjectMapper().registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(new ToastyJacksonModule(
            ModelIndex.load(BootJson.class.getClassLoader()), typeProperty));
  }
}
