package io.toasty.spring;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A loaded relation as its value: {@code HasMany} as the list, {@code BelongsTo} and
 * {@code HasOne} as the record (or what their {@code Optional} holds). Unloaded relations never
 * get here: {@link SkipUnloadedRelations} leaves their properties out.
 */
final class RelationSerializer extends StdSerializer<Object> {

  RelationSerializer() {
    super(Object.class);
  }

  @Override
  public boolean isEmpty(SerializationContext context, Object value) {
    return RelationValues.isUnloaded(value);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
    context.writeValue(gen, RelationValues.valueOf(value));
  }
}
