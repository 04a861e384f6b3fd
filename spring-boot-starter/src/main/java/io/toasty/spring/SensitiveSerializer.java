package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.toasty.Redaction;
import io.toasty.Secret;
import java.io.IOException;

/**
 * Writes a {@link Secret} value as {@link Redaction#MASK}: a model record with a secret can
 * be returned from a handler, or logged as JSON, without the secret leaving the service.
 */
@SuppressWarnings("rawtypes")
final class SensitiveSerializer extends StdSerializer<Secret> {
  private static final long serialVersionUID = 1L;

  SensitiveSerializer() {
    super(Secret.class);
  }

  @Override
  public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(Redaction.MASK);
  }
}
