package io.toasty.spring;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.ValueSerializerModifier;

/** Gives each variant of the models' sealed types its {@link VariantTagSerializer}. */
final class VariantTags extends ValueSerializerModifier {
  private static final long serialVersionUID = 1L;
  private final transient SealedTypes types;

  VariantTags(SealedTypes types) {
    this.types = types;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ValueSerializer<?> modifySerializer(SerializationConfig config,
      BeanDescription.Supplier description, ValueSerializer<?> serializer) {
    Class<?> type = description.getBeanClass();
    return types.ofVariant(type) == null ? serializer : new VariantTagSerializer(type,
        (ValueSerializer<Object>) serializer, types.property(), types.tag(type));
  }
}
