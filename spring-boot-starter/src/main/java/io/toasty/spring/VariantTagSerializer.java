package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A variant of a sealed model or value written as its record with its tag first
 * ({@code {"type":"moved","id":..}}), wherever it stands: the body's root, a list, a page, a
 * field. The record's own serializer writes the rest, unwrapped; a type serializer Jackson hands
 * in is not needed, as the tag is already there.
 */
final class VariantTagSerializer extends StdSerializer<Object>
    implements ContextualSerializer, ResolvableSerializer {
  private static final long serialVersionUID = 1L;
  private final JsonSerializer<Object> record;
  private final @Nullable JsonSerializer<Object> members;
  private final String property;
  private final Object tag;

  VariantTagSerializer(Class<?> variant, JsonSerializer<Object> record, String property,
      Object tag) {
    this(variant, record, null, property, tag);
  }

  private VariantTagSerializer(Class<?> variant, JsonSerializer<Object> record,
      @Nullable JsonSerializer<Object> members, String property, Object tag) {
    super(variant, false);
    this.record = record;
    this.members = members;
    this.property = property;
    this.tag = tag;
  }

  @Override
  public void resolve(SerializerProvider provider) throws JsonMappingException {
    if (record instanceof ResolvableSerializer r) {
      r.resolve(provider);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
      throws JsonMappingException {
    JsonSerializer<Object> contextual =
        (JsonSerializer<Object>) provider.handleSecondaryContextualization(record, property);
    return new VariantTagSerializer(handledType(), contextual, unwrapped(contextual),
        this.property, tag);
  }

  /** The record's members without its braces; null for a record without any. */
  private @Nullable JsonSerializer<Object> unwrapped(JsonSerializer<Object> serializer) {
    return handledType().getRecordComponents().length == 0 ? null
        : serializer.unwrappingSerializer(NameTransformer.NOP);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(value);
    if (tag instanceof Integer number) {
      gen.writeNumberField(property, number);
    } else {
      gen.writeStringField(property, (String) tag);
    }
    JsonSerializer<Object> rest = members != null ? members : unwrapped(record);
    if (rest != null) {
      rest.serialize(value, gen, provider);
    }
    gen.writeEndObject();
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider,
      TypeSerializer typeSer) throws IOException {
    serialize(value, gen, provider);
  }
}
