package io.toasty.reactive.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toasty.value.JsonCodec;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * {@code @Json} fields through a Jackson {@link ObjectMapper}: written as the field's declared
 * type (so generics and polymorphic type information follow the declaration, not the value's
 * class), read back as it.
 */
public final class JacksonCodec implements JsonCodec {
  private final ObjectMapper mapper;

  public JacksonCodec(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** A codec over a plain mapper with the modules found on the class path (java.time, ...). */
  public static JacksonCodec withModules() {
    return new JacksonCodec(new ObjectMapper().findAndRegisterModules());
  }

  @Override
  public String write(Object value, Type type) throws Exception {
    return mapper.writerFor(javaType(type)).writeValueAsString(value);
  }

  @Override
  public Object read(String text, Type type) throws Exception {
    return mapper.readValue(text, javaType(type));
  }

  private JavaType javaType(Type type) {
    return mapper.getTypeFactory().constructType(type);
  }
}
