package io.toasty.spring;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Gives each variant of the models' sealed types its {@link VariantTagSerializer}, and each
 * sealed type its {@link SealedSerializer}.
 */
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
    if (types.sealed(type) != null) {
      return new SealedSerializer(type);
    }
    return types.ofVariant(type) == null ? serializer : new VariantTagSerializer(type,
        (ValueSerializer<Object>) serializer, types.property(), types.tag(type));
  }
}
