package io.toasty.planner.verify;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A collection value converted to a collection field's type: each item to the exact variant of
 * the item type, a set's items distinct. What no backend can store in a collection is named:
 * NULL items and numbers that are not finite.
 */
final class CollectionCoerce {
  private CollectionCoerce() {}

  /** {@code v} as a value of {@code type}, or null when it does not fit. */
  static @Nullable Value coerce(Type.CollectionOf type, Value v) {
    if (type.shape() == Type.CollectionOf.Shape.MAP) {
      if (!(v instanceof Value.Entries e)) {
        return null;
      }
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> entry : e.entries().entrySet()) {
        Value item = item(type.item(), entry.getValue());
        if (item == null) {
          return null;
        }
        out.put(entry.getKey(), item);
      }
      return new Value.Entries(type, out);
    }
    List<Value> items = v instanceof Value.Items i ? i.items()
        : v instanceof Value.ListValue l ? l.items() : null;
    if (items == null || v instanceof Value.Items i && i.type().shape() != type.shape()) {
      return null;
    }
    Collection<Value> out = type.shape() == Type.CollectionOf.Shape.SET
        ? new LinkedHashSet<>() : new ArrayList<>();
    for (Value item : items) {
      Value coerced = item(type.item(), item);
      if (coerced == null) {
        return null;
      }
      out.add(coerced);
    }
    return new Value.Items(type, List.copyOf(out));
  }

  private static @Nullable Value item(Type.Scalar type, Value item) {
    return item.isNull() ? null : TypeCompat.coerce(type, item);
  }

  /** Why {@code v}'s items cannot be stored, or null: a NULL item, a number not finite. */
  static @Nullable String problem(Value v) {
    List<Value> items = v instanceof Value.Items i ? i.items()
        : v instanceof Value.Entries e ? new ArrayList<>(e.entries().values()) : List.of();
    for (Value item : items) {
      if (item.isNull()) {
        return "a collection holds no null items";
      }
      if (item instanceof Value.F64 d && (Double.isNaN(d.value()) || Double.isInfinite(d.value()))) {
        return "a collection holds finite numbers only, not " + d.value();
      }
    }
    return null;
  }
}
