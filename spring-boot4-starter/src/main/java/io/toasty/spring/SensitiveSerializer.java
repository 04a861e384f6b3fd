package io.toasty.spring;

import io.toasty.Redaction;
import io.toasty.Secret;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@link Secret} value as {@link Redaction#MASK}: a model record with a secret can
 * be returned from a handler, or logged as JSON, without the secret leaving the service.
 */
@SuppressWarnings("rawtypes")
final class SensitiveSerializer extends StdSerializer<Secret> {

  SensitiveSerializer() {
    super(Secret.class);
  }

  @Override
  public void serialize(Secret value, JsonGenerator gen, SerializationContext context) {
    gen.writeString(Redaction.MASK);
  }
}
