package io.toasty.spring;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

/**
 * Gives each variant of the models' sealed types its {@link VariantTagSerializer}, and each
 * sealed type its {@link SealedSerializer}.
 */
final class VariantTags extends BeanSerializerModifier {
  private static final long serialVersionUID = 1L;
  private final transient SealedTypes types;

  VariantTags(SealedTypes types) {
    this.types = types;
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonSerializer<?> modifySerializer(SerializationConfig config,
      BeanDescription description, JsonSerializer<?> serializer) {
    Class<?> type = description.getBeanClass();
    if (types.sealed(type) != null) {
      return new SealedSerializer(type);
    }
    return types.ofVariant(type) == null ? serializer : new VariantTagSerializer(type,
        (JsonSerializer<Object>) serializer, types.property(), types.tag(type));
  }
}
