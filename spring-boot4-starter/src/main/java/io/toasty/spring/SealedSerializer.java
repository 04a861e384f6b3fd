package io.toasty.spring;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A value declared as one of the models' sealed interfaces ({@code Mono<Activity>}), written as
 * its variant is ({@link VariantTagSerializer}: the tag first). Without it Jackson finds no
 * serializer for an interface without properties, and WebFlux, asking first, would not write
 * such a body as JSON.
 */
final class SealedSerializer extends StdSerializer<Object> {

  SealedSerializer(Class<?> sealed) {
    super(sealed);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
    context.findValueSerializer(value.getClass()).serialize(value, gen, context);
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator gen, SerializationContext context,
      TypeSerializer typeSer) {
    serialize(value, gen, context);
  }
}
