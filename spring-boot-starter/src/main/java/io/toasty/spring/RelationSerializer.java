package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A loaded relation as its value: {@code HasMany} as the list, {@code BelongsTo} and
 * {@code HasOne} as the record (or what their {@code Optional} holds). Unloaded relations never
 * get here: {@link SkipUnloadedRelations} leaves their properties out.
 */
final class RelationSerializer extends StdSerializer<Object> {
  private static final long serialVersionUID = 1L;

  RelationSerializer() {
    super(Object.class);
  }

  @Override
  public boolean isEmpty(SerializerProvider provider, Object value) {
    return RelationValues.isUnloaded(value);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    provider.defaultSerializeValue(RelationValues.valueOf(value), gen);
  }
}
