package io.toasty.spring;

import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a relation property as an unloaded handle: what a client sends for a relation is skipped,
 * and an absent or null one is unloaded too. A request body never loads a relation; write the
 * related records through their own endpoints.
 */
final class UnloadedRelationDeserializer<T> extends StdDeserializer<T> {
  private final transient Supplier<T> unloaded;

  UnloadedRelationDeserializer(Class<T> type, Supplier<T> unloaded) {
    super(type);
    this.unloaded = unloaded;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) {
    parser.skipChildren();
    return unloaded.get();
  }

  @Override
  public T getNullValue(DeserializationContext context) {
    return unloaded.get();
  }

  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return unloaded.get();
  }
}
