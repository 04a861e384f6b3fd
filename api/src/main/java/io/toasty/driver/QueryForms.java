package io.toasty.driver;

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
    CollectionChanges collectionChanges) {
  /**
   * SQL that reads stored collections' items and appends to a stored list, other changes only
   * whole (MariaDB, SQLite).
   */
  public static final QueryForms SQL = new QueryForms(true, true, true,
      CollectionChanges.LIST_APPEND);
  /** SQL with arrays, which updates add items to and remove items from (PostgreSQL). */
  public static final QueryForms SQL_ARRAYS = new QueryForms(true, true, true,
      CollectionChanges.ALL);
  /**
   * SQL whose collections are plain text, without functions to read them, which an update
   * appends to a list by joining texts (H2).
   */
  public static final QueryForms SQL_TEXT = new QueryForms(true, true, false,
      CollectionChanges.LIST_APPEND);
  /** No form: a key-value backend. */
  public static final QueryForms NONE = new QueryForms(false, false, false,
      CollectionChanges.NONE);

  public QueryForms {
    java.util.Objects.requireNonNull(collectionChanges, "collectionChanges");
  }

  /** The two forms given, without collection items or changes. */
  public QueryForms(boolean rowValues, boolean windowFunctions) {
    this(rowValues, windowFunctions, false, CollectionChanges.NONE);
  }

  /** This with the collection changes given. */
  public QueryForms withCollectionChanges(CollectionChanges changes) {
    return new QueryForms(rowValues, windowFunctions, collectionItems, changes);
  }

  /** Which changes of a stored collection an update makes without reading the row. */
  public enum CollectionChanges {
    /** None: collections are replaced whole. */
    NONE,
    /** Appending to a list (DynamoDB's {@code list_append}; JSON text on SQL without arrays). */
    LIST_APPEND,
    /** Adding to and removing from lists and sets (PostgreSQL's arrays). */
    ALL
  }
}
