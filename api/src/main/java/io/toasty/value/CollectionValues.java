package io.toasty.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between a collection field's Java value ({@code List}, {@code Set},
 * {@code Map<String, T>}) and its {@link Value.Items} or {@link Value.Entries}, used by generated
 * code and paths. A null item stays a NULL item here, for the planner to refuse naming the field.
 */
public final class CollectionValues {
  private CollectionValues() {}

  /**
   * The value of {@code java}, a collection field's Java value of type {@code type}: NULL for
   * null (and an empty {@code Optional}).
   *
   * @throws IllegalArgumentException when {@code java} is no collection of that shape
   */
  public static Value of(@Nullable Object java, Type.CollectionOf type) {
    Object plain = java instanceof Optional<?> o ? o.orElse(null) : java;
    if (plain == null) {
      return Value.NULL;
    }
    if (type.shape() == Type.CollectionOf.Shape.MAP) {
      if (!(plain instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("a Map is expected, not " + plain.getClass().getName());
      }
      Map<String, Value> entries = new LinkedHashMap<>();
      map.forEach((k, v) -> entries.put(String.valueOf(k), Value.of(v)));
      return new Value.Entries(type, entries);
    }
    if (!(plain instanceof Collection<?> items)) {
      throw new IllegalArgumentException("a " + type.shape() + " is expected, not "
          + plain.getClass().getName());
    }
    List<Value> out = new ArrayList<>(items.size());
    items.forEach(item -> out.add(Value.of(item)));
    return new Value.Items(type, out);
  }

  /** A {@code List} field's value: an unmodifiable list of its items' Java values. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> asList(Value v) {
    List<T> out = new ArrayList<>();
    items(v).forEach(item -> out.add((T) item.toJava()));
    return Collections.unmodifiableList(out);
  }

  /** A {@code Set} field's value: an unmodifiable set of its items' Java values. */
  @SuppressWarnings("unchecked")
  public static <T> Set<T> asSet(Value v) {
    Set<T> out = new LinkedHashSet<>();
    items(v).forEach(item -> out.add((T) item.toJava()));
    return Collections.unmodifiableSet(out);
  }

  /** A {@code Map<String, T>} field's value: an unmodifiable map of its values' Java values. */
  @SuppressWarnings("unchecked")
  public static <T> Map<String, T> asMap(Value v) {
    if (!(v instanceof Value.Entries e)) {
      throw new IllegalArgumentException("cannot read " + v + " as a map");
    }
    Map<String, T> out = new LinkedHashMap<>();
    e.entries().forEach((k, item) -> out.put(k, (T) notNull(item).toJava()));
    return Collections.unmodifiableMap(out);
  }

  private static List<Value> items(Value v) {
    if (!(v instanceof Value.Items i)) {
      throw new IllegalArgumentException("cannot read " + v + " as a list or set");
    }
    i.items().forEach(CollectionValues::notNull);
    return i.items();
  }

  private static Value notNull(Value item) {
    if (item.isNull()) {
      throw new IllegalArgumentException("a stored collection holds a NULL item");
    }
    return item;
  }
}
