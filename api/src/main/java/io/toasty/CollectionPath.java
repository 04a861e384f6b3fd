package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.CollectionValues;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
  public Value toValue(@Nullable C value) {
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
    return new Condition(new ExprNode.Contains(node(), collection, item(item)));
  }

  /**
   * Whether a list or set holds every one of {@code items}; false where the collection is NULL,
   * true for no items where it is not.
   *
   * @throws InvalidStatementException for a map or a null item
   */
  public final Condition containsAll(Collection<? extends E> items) {
    Objects.requireNonNull(items, "items");
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
          + collection.shape().name().toLowerCase(Locale.ROOT) + " with contains(..)");
    }
    return new Condition(new ExprNode.Contains(node(), collection, item(key)));
  }

  /** Whether the collection has no item (a map no entry); false where it is NULL. */
  public final Condition isEmpty() {
    return new Condition(new ExprNode.IsEmpty(node(), collection));
  }

  /**
   * The collection with {@code items} added, for an update that adds them without reading the
   * row: appended to a list, added to a set where it lacks them; a NULL collection becomes the
   * items. Backends that cannot refuse it with {@code Feature.COLLECTION_CHANGE}.
   *
   * <pre>{@code Posts.updateById(id).tags(Posts.TAGS.append(List.of("new"))).exec(db)}</pre>
   *
   * @throws InvalidStatementException for a map (see {@link #put} and {@link #removeKeys})
   */
  public final Expr<C> append(Collection<? extends E> items) {
    return change(ExprNode.ChangeOp.ADD, items);
  }

  /**
   * The collection without any item equal to one of {@code items}, for an update that removes
   * them without reading the row; a NULL collection stays NULL. Backends that cannot refuse it
   * with {@code Feature.COLLECTION_CHANGE}.
   *
   * @throws InvalidStatementException for a map
   */
  public final Expr<C> remove(Collection<? extends E> items) {
    return change(ExprNode.ChangeOp.REMOVE, items);
  }

  /**
   * The map with {@code key} holding {@code value}, for an update that puts the entry without
   * reading the row; a NULL map becomes that one entry. Backends that cannot refuse it with
   * {@code Feature.COLLECTION_CHANGE}.
   *
   * <pre>{@code Posts.updateById(id).votes(Posts.VOTES.put("up", 4)).exec(db)}</pre>
   *
   * @throws InvalidStatementException for a list or set, or a null key
   */
  public final Expr<C> put(String key, E value) {
    Map<String, E> entry = new HashMap<>();
    entry.put(mapKey(key), value);
    return putAll(entry);
  }

  /**
   * The map with the entries of {@code entries} put into it (each key's value replaced), for an
   * update that puts them without reading the row; a NULL map becomes the entries.
   *
   * @throws InvalidStatementException for a list or set, or a null key
   */
  public final Expr<C> putAll(Map<String, ? extends E> entries) {
    Objects.requireNonNull(entries, "entries");
    requireMap();
    entries.keySet().forEach(this::mapKey);
    return mapChange(ExprNode.ChangeOp.PUT, CollectionValues.of(entries, collection));
  }

  /**
   * The map without the entries of {@code keys}, for an update that removes them without
   * reading the row; a NULL map stays NULL.
   *
   * <pre>{@code Posts.updateById(id).votes(Posts.VOTES.removeKeys(List.of("down"))).exec(db)}</pre>
   *
   * @throws InvalidStatementException for a list or set, or a null key
   */
  public final Expr<C> removeKeys(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    requireMap();
    Set<String> distinct = new LinkedHashSet<>();
    keys.forEach(k -> distinct.add(mapKey(k)));
    return mapChange(ExprNode.ChangeOp.REMOVE_KEYS, CollectionValues.of(distinct,
        new Type.CollectionOf(Type.CollectionOf.Shape.LIST, Type.Scalar.STRING)));
  }

  private String mapKey(String key) {
    requireMap();
    if (key == null) {
      throw new InvalidStatementException(model(), name(), "a map holds no null key");
    }
    return key;
  }

  private void requireMap() {
    if (collection.shape() != Type.CollectionOf.Shape.MAP) {
      throw new InvalidStatementException(model(), name(), "only a map has entries; change a "
          + collection.shape().name().toLowerCase(Locale.ROOT)
          + " with append(..) or remove(..)");
    }
  }

  private Expr<C> mapChange(ExprNode.ChangeOp op, Value items) {
    return new Expr<>(new ExprNode.CollectionChange(op, node(), collection,
        new ExprNode.Const(items)), collection);
  }

  private Expr<C> change(ExprNode.ChangeOp op,
      Collection<? extends E> items) {
    Objects.requireNonNull(items, "items");
    if (collection.shape() == Type.CollectionOf.Shape.MAP) {
      throw new InvalidStatementException(model(), name(), "a map's entries change with"
          + " put(..), putAll(..) or removeKeys(..)");
    }
    // a set's items once each: what is added is added once
    Collection<? extends E> distinct = collection.shape() == Type.CollectionOf.Shape.SET
        ? new LinkedHashSet<>(items) : items;
    return new Expr<>(new ExprNode.CollectionChange(op, node(), collection,
        new ExprNode.Const(CollectionValues.of(distinct, collection))), collection);
  }

  private ExprNode item(Object item) {
    if (item == null) {
      throw new InvalidStatementException(model(), name(), "a collection holds no null item"
          + " to look for");
    }
    return new ExprNode.Const(Value.of(item));
  }
}
