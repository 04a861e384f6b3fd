package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A value declared as one of the models' sealed interfaces ({@code Mono<Activity>}), written as
 * its variant is ({@link VariantTagSerializer}: the tag first). Without it Jackson finds no
 * serializer for an interface without properties, and WebFlux, asking first, would not write
 * such a body as JSON.
 */
final class SealedSerializer extends StdSerializer<Object> {
  private static final long serialVersionUID = 1L;

  SealedSerializer(Class<?> sealed) {
    super(sealed, false);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    provider.findValueSerializer(value.getClass()).serialize(value, gen, provider);
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider,
      TypeSerializer typeSer) throws IOException {
    serialize(value, gen, provider);
  }
}
