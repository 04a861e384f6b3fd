package io.toasty.spring;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
import org.jspecify.annotations.Nullable;

/**
 * What the Jackson modules (Jackson 2 for Boot 3, Jackson 3 for Boot 4) need to know of a
 * relation handle: whether it is one, whether it is loaded, and its loaded value.
 */
final class RelationValues {
  private RelationValues() {}

  /** Whether {@code type} is a relation handle's type. */
  static boolean isRelation(Class<?> type) {
    return type == HasMany.class || type == BelongsTo.class || type == HasOne.class;
  }

  /** The loaded value of a relation handle, or null when it is not loaded. */
  static @Nullable Object valueOf(Object relation) {
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
}
