package io.toasty.spring;

import io.toasty.Secret;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@code Secret<T>} from the JSON of its {@code T} (a password in a request body):
 * the value comes in, only the mask goes out ({@link SensitiveSerializer}).
 */
final class SensitiveDeserializer extends ValueDeserializer<Secret<?>> {
  private final @Nullable JavaType valueType;

  SensitiveDeserializer() {
    this(null);
  }

  private SensitiveDeserializer(@Nullable JavaType valueType) {
    this.valueType = valueType;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt,
      BeanProperty property) {
    JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType()
        : property != null ? property.getType() : null;
    return new SensitiveDeserializer(type == null ? ctxt.constructType(Object.class)
        : type.containedTypeOrUnknown(0));
  }

  @Override
  public Secret<?> deserialize(JsonParser p, DeserializationContext ctxt) {
    JavaType type = valueType != null ? valueType : ctxt.constructType(Object.class);
    return Secret.of(ctxt.readValue(p, type));
  }
}
