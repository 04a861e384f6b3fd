package io.toasty;

import io.toasty.value.CollectionValues;
import io.toasty.value.Type;

/**
 * The path of a collection field: a {@code List<E>}, {@code Set<E>} or {@code Map<String, E>} of
 * one scalar type, stored as one column. A whole collection does not compare (each backend stores
 * it its own way); creates and updates set it whole.
 *
 * @param <C> the field's Java type ({@code List<String>})
 * @param <E> the items' (a map's values') Java type
 */
public class CollectionPath<C, E> extends Path<C> {
  private final Type.CollectionOf collection;

  /** The path of the {@code index}th field of {@code model}, a collection of type {@code type}. */
  public CollectionPath(String model, int index, String name, Type.CollectionOf type) {
    super(model, index, name, type);
    this.collection = type;
  }

  /** The field's collection type. */
  public final Type.CollectionOf collectionType() {
    return collection;
  }

  /** The collection's value ({@code NULL} for null): items of the field's item type. */
  @Override
  public io.toasty.value.Value toValue(C value) {
    return CollectionValues.of(value, collection);
  }
}
