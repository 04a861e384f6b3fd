package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
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

  /** The loaded value of a relation handle, or null when it is not loaded. */
  static Object valueOf(Object relation) {
    if (relation instanceof HasMany<?> many) {
      return many.isLoaded() ? many.get() : null;
    }
    if (relation instanceof BelongsTo<?> one) {
      return one.isLoaded() ? one.get() : null;
    }
    if (relation instanceof HasOne<?> one) {
      return one.isLoaded() ? one.get() : null;
    }
    throw new IllegalArgumentException("not a relation: " + relation.getClass().getName());
  }

  /** Whether {@code value} is a relation handle that holds no loaded value. */
  static boolean isUnloaded(Object value) {
    return value instanceof HasMany<?> many && !many.isLoaded()
        || value instanceof BelongsTo<?> one && !one.isLoaded()
        || value instanceof HasOne<?> has && !has.isLoaded();
  }

  @Override
  public boolean isEmpty(SerializerProvider provider, Object value) {
    return isUnloaded(value);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    provider.defaultSerializeValue(valueOf(value), gen);
  }
}
