package io.toasty.driver;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.EnumSet;
import java.util.Set;

/**
 * Forms of a statement the backend's language has, beyond plain filters and assignments. The planner asks
 * these, never the backend's name, to choose between writing a form as it is and rewriting it
 * into something every backend runs.
 *
 * @param rowValues       whether a tuple of columns may be compared with a tuple of values or
 *                        stand before {@code IN (SELECT a, b ..)} and {@code IN ((?, ?), ..)}
 *                        (a composite key's tuple); otherwise the planner expands a tuple
 *                        {@code IN} list into {@code (a = ? AND b = ?) OR ..}, and a key-value
 *                        backend reads by key
 * @param windowFunctions whether a read may number its rows per partition
 *                        ({@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..)}), which an
 *                        include with a limit or offset per parent needs to stay one query per
 *                        window of parents; otherwise the planner sends one limited read per
 *                        parent
 * @param collectionItems whether a filter may test the items of a stored collection
 *                        ({@code Expr.Contains}: an array's items, a JSON document's); otherwise
 *                        a backend whose own filters evaluate every expression refuses it with
 *                        {@code Feature.COLLECTION_ITEMS}, and a key-value backend leaves it to
 *                        the engine after the read
 * @param collectionChanges which changes of a stored collection an update makes without reading
 *                        the row ({@code Expr.CollectionChange}); the others are refused with
 *                        {@code Feature.COLLECTION_CHANGE}
 */
public record QueryForms(boolean rowValues, boolean windowFunctions, boolean collectionItems,
    Set<CollectionChange> collectionChanges) {
  /** Every change of a stored collection. */
  public static final Set<CollectionChange> ALL_CHANGES =
      Set.copyOf(EnumSet.allOf(CollectionChange.class));
  /**
   * SQL whose JSON functions read stored collections' items and rebuild them in the statement:
   * every change (MariaDB, SQLite).
   */
  public static final QueryForms SQL = new QueryForms(true, true, true, ALL_CHANGES);
  /**
   * SQL with arrays, which updates add items to and remove items from, and {@code jsonb} maps
   * (PostgreSQL).
   */
  public static final QueryForms SQL_ARRAYS = new QueryForms(true, true, true, ALL_CHANGES);
  /**
   * SQL whose collections are plain text, without functions to read them, which an update
   * appends to a list by joining texts (H2).
   */
  public static final QueryForms SQL_TEXT = new QueryForms(true, true, false,
      Set.of(CollectionChange.LIST_APPEND));
  /** No form: a key-value backend. */
  public static final QueryForms NONE = new QueryForms(false, false, false, Set.of());

  public QueryForms {
    collectionChanges = Set.copyOf(collectionChanges);
  }

  /** The two forms given, without collection items or changes. */
  public QueryForms(boolean rowValues, boolean windowFunctions) {
    this(rowValues, windowFunctions, false, Set.of());
  }

  /** This with the collection changes given. */
  public QueryForms withCollectionChanges(Set<CollectionChange> changes) {
    return new QueryForms(rowValues, windowFunctions, collectionItems, changes);
  }

  /** Whether an update makes {@code change} without reading the row. */
  public boolean changes(CollectionChange change) {
    return collectionChanges.contains(change);
  }

  /** A change of a stored collection an update may make without reading the row. */
  public enum CollectionChange {
    /** Items appended to a list. */
    LIST_APPEND,
    /** Every item of a list equal to one of some items removed. */
    LIST_REMOVE,
    /** Items a set lacks added to it. */
    SET_ADD,
    /** Items removed from a set. */
    SET_REMOVE,
    /** Entries put into a map (a key's value replaced). */
    MAP_PUT,
    /** Entries of some keys removed from a map. */
    MAP_REMOVE;

    /** The change {@code c} makes. */
    public static CollectionChange of(ExprNode.CollectionChange c) {
      return switch (c.op()) {
        case ADD -> c.type().shape() == Type.CollectionOf.Shape.LIST
            ? LIST_APPEND : SET_ADD;
        case REMOVE -> c.type().shape() == Type.CollectionOf.Shape.LIST
            ? LIST_REMOVE : SET_REMOVE;
        case PUT -> MAP_PUT;
        case REMOVE_KEYS -> MAP_REMOVE;
      };
    }
  }
}
