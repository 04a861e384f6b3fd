package io.toasty.reactive.json;

import io.toasty.value.JsonCodec;
import java.lang.reflect.Type;

/** The codec a {@code Db} uses when none is configured. */
public final class JsonCodecs {
  private JsonCodecs() {}

  /**
   * Jackson with the modules on the class path when jackson-databind is there; else a codec that
   * fails every document, saying what to add (a schema without {@code @Json} fields never asks).
   */
  public static JsonCodec byDefault() {
    try {
      Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false,
          JsonCodecs.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return new Missing();
    }
    return JacksonCodec.withModules();
  }

  /** No codec: every document fails with what to do. */
  private static final class Missing implements JsonCodec {
    private static final String HINT = "no JSON codec: add com.fasterxml.jackson.core:"
        + "jackson-databind to the class path, or set one with DbBuilder.jsonCodec(..)";

    @Override
    public String write(Object value, Type type) {
      throw new IllegalStateException(HINT);
    }

    @Override
    public Object read(String text, Type type) {
      throw new IllegalStateException(HINT);
    }
  }
}
