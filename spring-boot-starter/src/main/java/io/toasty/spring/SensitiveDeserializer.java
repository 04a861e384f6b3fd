package io.toasty.spring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import io.toasty.Secret;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Secret<T>} from the JSON of its {@code T} (a password in a request body):
 * the value comes in, only the mask goes out ({@link SensitiveSerializer}).
 */
final class SensitiveDeserializer extends JsonDeserializer<Secret<?>>
    implements ContextualDeserializer {
  private final @Nullable JavaType valueType;

  SensitiveDeserializer() {
    this(null);
  }

  private SensitiveDeserializer(@Nullable JavaType valueType) {
    this.valueType = valueType;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType()
        : property != null ? property.getType() : null;
    return new SensitiveDeserializer(type == null ? ctxt.constructType(Object.class)
        : type.containedTypeOrUnknown(0));
  }

  @Override
  public Secret<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JavaType type = valueType != null ? valueType : ctxt.constructType(Object.class);
    return Secret.of(ctxt.readValue(p, type));
  }
}
