package io.toasty.spring;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * A variant of a sealed model or value written as its record with its tag first
 * ({@code {"type":"moved","id":..}}), wherever it stands: the body's root, a list, a page, a
 * field. The record's own serializer writes the rest, unwrapped; a type serializer Jackson hands
 * in is not needed, as the tag is already there.
 */
final class VariantTagSerializer extends StdSerializer<Object> {
  private final ValueSerializer<Object> record;
  private final @Nullable ValueSerializer<Object> members;
  private final String property;
  private final Object tag;

  VariantTagSerializer(Class<?> variant, ValueSerializer<Object> record, String property,
      Object tag) {
    this(variant, record, null, property, tag);
  }

  private VariantTagSerializer(Class<?> variant, ValueSerializer<Object> record,
      @Nullable ValueSerializer<Object> members, String property, Object tag) {
    super(variant);
    this.record = record;
    this.members = members;
    this.property = property;
    this.tag = tag;
  }

  @Override
  public void resolve(SerializationContext context) {
    record.resolve(context);
  }

  @Override
  public ValueSerializer<?> createContextual(SerializationContext context,
      BeanProperty property) {
    ValueSerializer<Object> contextual =
        context.handleSecondaryContextualization(record, property);
    return new VariantTagSerializer(handledType(), contextual, unwrapped(contextual),
        this.property, tag);
  }

  /** The record's members without its braces; null for a record without any. */
  private @Nullable ValueSerializer<Object> unwrapped(ValueSerializer<Object> serializer) {
    return handledType().getRecordComponents().length == 0 ? null
        : serializer.unwrappingSerializer(NameTransformer.NOP);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
    gen.writeStartObject(value);
    if (tag instanceof Integer number) {
      gen.writeNumberProperty(property, number);
    } else {
      gen.writeStringProperty(property, (String) tag);
    }
    ValueSerializer<Object> rest = members != null ? members : unwrapped(record);
    if (rest != null) {
      rest.serialize(value, gen, context);
    }
    gen.writeEndObject();
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator gen, SerializationContext context,
      TypeSerializer typeSer) {
    serialize(value, gen, context);
  }
}
