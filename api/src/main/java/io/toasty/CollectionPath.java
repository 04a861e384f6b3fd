package io.toasty;

import io.toasty.value.CollectionValues;
import io.toasty.value.Type;

/**
 * The path of a collection field: a {@code List<E>}, {@code Set<E>} or {@code Map<String, E>} of
 * one scalar type, stored as one column. A whole collection does not compare (each backend stores
 * it its own way): filters test its items with {@link #contains}, {@link #containsAll},
 * {@link #containsKey} (a map's) and {@link #isEmpty()}. Backends whose filters cannot read a
 * stored collection's items refuse those with {@code Feature.COLLECTION_ITEMS}.
 *
 * <pre>{@code
 * Posts.filter(Posts.TAGS.contains("java"))
 * Posts.filter(Posts.TAGS.containsAll(List.of("java", "sql")).and(Posts.LINKS.isEmpty()))
 * }</pre>
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

  /**
   * Whether a list or set holds {@code item}; false where the collection is NULL.
   *
   * @throws InvalidStatementException for a map (test its keys with {@link #containsKey}) or a
   *     null item
   */
  public final Condition contains(E item) {
    if (collection.shape() == Type.CollectionOf.Shape.MAP) {
      throw new InvalidStatementException(model(), name(), "a map is tested by its keys:"
          + " containsKey(..)");
    }
    return new Condition(new io.toasty.stmt.Expr.Contains(node(), collection, item(item)));
  }

  /**
   * Whether a list or set holds every one of {@code items}; false where the collection is NULL,
   * true for no items where it is not.
   *
   * @throws InvalidStatementException for a map or a null item
   */
  public final Condition containsAll(java.util.Collection<? extends E> items) {
    java.util.Objects.requireNonNull(items, "items");
    if (items.isEmpty()) {
      return isNotNull();
    }
    return Condition.all(items.stream().map(this::contains).toList());
  }

  /**
   * Whether a map holds the key {@code key}; false where the map is NULL.
   *
   * @throws InvalidStatementException for a list or set, or a null key
   */
  public final Condition containsKey(String key) {
    if (collection.shape() != Type.CollectionOf.Shape.MAP) {
      throw new InvalidStatementException(model(), name(), "only a map has keys; test a "
          + collection.shape().name().toLowerCase(java.util.Locale.ROOT) + " with contains(..)");
    }
    return new Condition(new io.toasty.stmt.Expr.Contains(node(), collection, item(key)));
  }

  /** Whether the collection has no item (a map no entry); false where it is NULL. */
  public final Condition isEmpty() {
    return new Condition(new io.toasty.stmt.Expr.IsEmpty(node(), collection));
  }

  /**
   * The collection with {@code items} added, for an update that adds them without reading the
   * row: appended to a list, added to a set where it lacks them; a NULL collection becomes the
   * items. Backends that cannot refuse it with {@code Feature.COLLECTION_CHANGE}.
   *
   * <pre>{@code Posts.updateById(id).tags(Posts.TAGS.append(List.of("new"))).exec(db)}</pre>
   *
   * @throws InvalidStatementException for a map
   */
  public final Expr<C> append(java.util.Collection<? extends E> items) {
    return change(io.toasty.stmt.Expr.ChangeOp.ADD, items);
  }

  /**
   * The collection without any item equal to one of {@code items}, for an update that removes
   * them without reading the row; a NULL collection stays NULL. Backends that cannot refuse it
   * with {@code Feature.COLLECTION_CHANGE}.
   *
   * @throws InvalidStatementException for a map
   */
  public final Expr<C> remove(java.util.Collection<? extends E> items) {
    return change(io.toasty.stmt.Expr.ChangeOp.REMOVE, items);
  }

  private Expr<C> change(io.toasty.stmt.Expr.ChangeOp op,
      java.util.Collection<? extends E> items) {
    java.util.Objects.requireNonNull(items, "items");
    if (collection.shape() == Type.CollectionOf.Shape.MAP) {
      throw new InvalidStatementException(model(), name(), "a map is replaced whole");
    }
    return new Expr<>(new io.toasty.stmt.Expr.CollectionChange(op, node(), collection,
        new io.toasty.stmt.Expr.Const(CollectionValues.of(items, collection))), collection);
  }

  private io.toasty.stmt.Expr item(Object item) {
    if (item == null) {
      throw new InvalidStatementException(model(), name(), "a collection holds no null item"
          + " to look for");
    }
    return new io.toasty.stmt.Expr.Const(io.toasty.value.Value.of(item));
  }
}
