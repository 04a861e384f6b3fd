package io.toasty.tck;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.QueryForms;
import java.util.function.Predicate;

/**
 * A feature a scenario needs from a backend, read from its {@link Capability}, and the
 * {@link Feature} a backend without it must refuse with. Where the planner offers a feature only
 * on its SQL path (it plans key-value backends without it), the need reads
 * {@link Capability#sql()}: the capability that decides the plan.
 */
public enum Need {
  /** Executes SQL statements (raw SQL). */
  SQL(Capability::rawSql, Feature.SQL),
  /** Runs the application's PartiQL statements (DynamoDB's ExecuteStatement). */
  PARTIQL(Capability::partiql, Feature.PARTIQL),
  /**
   * Runs path queries, a variable-length traversal and a shortest path: met by every backend (in
   * one request where {@code Capability.pathQueries()}, else as the engine's reads, hop by hop).
   */
  PATH_QUERIES(c -> true, Feature.PATH_QUERIES),
  /** Follows a model's committed changes as a stream ({@code db.changes(..)}). */
  CHANGE_STREAMS(Capability::changeStreams, Feature.CHANGE_STREAMS),
  /** Runs the application's Cypher statements (a graph database). */
  CYPHER(Capability::cypher, Feature.CYPHER),
  /**
   * Runs the application's own statements in a transaction: SQL or Cypher, which join it. A
   * backend whose raw language is PartiQL runs it outside any transaction, and refuses raw SQL.
   */
  RAW_IN_TRANSACTIONS(c -> c.rawSql() || c.cypher(), Feature.SQL),
  /**
   * Writes a stored value past the model (a discriminator or a number the model cannot read):
   * raw SQL, or PartiQL where the backend runs it (DynamoDB).
   */
  RAW_WRITES(c -> c.rawSql() || c.partiql(), Feature.SQL),
  /** Applies generated schema migrations (files are written for every backend). */
  MIGRATIONS(c -> true, Feature.MIGRATIONS),
  /** Reads a whole table when no key or index applies. */
  SCAN(Capability::scan, Feature.SCAN),
  /** Generates integer keys in the database ({@code @Auto} on a {@code long} key). */
  IDENTITY_KEYS(Capability::identityKeys, Feature.IDENTITY_KEYS),
  /** Runs statements inside a begun transaction. */
  INTERACTIVE_TRANSACTIONS(Capability::transactions,
      Feature.INTERACTIVE_TRANSACTIONS),
  /** Nests transactions with savepoints. */
  SAVEPOINTS(Capability::savepoints, Feature.SAVEPOINTS),
  /**
   * Holds a subquery in a filter (relation filters): in the backend's own filter, or, on a
   * key-value backend, as two steps the engine runs (the subquery's values first, then the rows
   * kept in memory).
   */
  SUBQUERIES(c -> c.subqueries() || !c.sql(), Feature.SUBQUERIES),
  /**
   * Computes a relation's count or aggregate per record, to select or order by: a correlated
   * subquery (SQL, Cypher), or on a key-value backend a grouped read of the related records
   * joined by the engine (through a join model: the join records, then their targets by key).
   */
  RELATION_AGGREGATE(c -> c.subqueries() || !c.sql(), Feature.RELATION_AGGREGATE),
  /** Inserts many rows with one statement. */
  MULTI_ROW_INSERT(Capability::multiRowInsert, Feature.MULTI_ROW_INSERT),
  /** Returns rows from an update or delete. */
  RETURNING_FROM_MUTATION(Capability::returningFromMutation, Feature.RETURNING_FROM_MUTATION),
  /**
   * Orders by fields that are not the (sort) key: met by every backend, since the engine sorts
   * in memory what a key-value read returns (up to its row cap); kept for scenarios that state
   * the need, and for a backend that would refuse it.
   */
  ORDER_BY(c -> true, Feature.ORDER_BY),
  /**
   * Creates related records with their parent in one statement: met by every backend (in a
   * transaction, or as one atomic write where there are no interactive transactions).
   */
  NESTED_CREATE(c -> true, Feature.NESTED_CREATE),
  /**
   * Deletes records that other records point to, with those records: met by every backend (in a
   * transaction, or as one atomic write where there are no interactive transactions, finding the
   * records through the index on their foreign key).
   */
  CASCADING_DELETE(c -> true, Feature.CASCADING_DELETE),
  /**
   * Deletes records that others point to by a unique field other than the key, with those
   * records: SQL and Cypher find them by a semi-join on the field; a key-value backend finds the
   * records pointing at a deleted one through their foreign key's index by its key only.
   */
  CASCADE_BY_UNIQUE_FIELD(Capability::sql, Feature.CASCADING_DELETE),
  /** Writes any number of records atomically (no item limit on one atomic write). */
  LARGE_ATOMIC_WRITES(c -> c.maxAtomicWriteItems() == 0, Feature.TRANSACTION_SIZE),
  /**
   * Assigns arithmetic beyond one {@code +} or {@code -} of a field and a value: met by every
   * backend (SQL computes it in the statement; a key-value backend's driver computes what its own
   * update cannot from the record as read and writes conditioned on what it read).
   */
  UPDATE_EXPRESSION(c -> true, Feature.UPDATE_EXPRESSION),
  /**
   * Runs a batch mixing reads and writes, or writes of several operations each, as one unit
   * (in a transaction, interactive or optimistic); a backend with neither makes a batch atomic
   * only when its writes are one key operation each.
   */
  MIXED_BATCH(Capability::transactions, Feature.ATOMIC_BATCH),
  /**
   * Limits an included relation per parent: window functions on SQL; a key-value backend reads
   * each parent's records through the foreign key's index.
   */
  INCLUDE_LIMIT(c -> c.queryForms().windowFunctions() || !c.sql(), Feature.INCLUDE_LIMIT),
  /** Runs a plan of several statements (a re-read after a write, a relation filter). */
  MULTI_STATEMENT_PLAN(Capability::sql, Feature.MULTI_STATEMENT_PLAN),
  /**
   * Upserts on a unique field's conflict target, not only the primary key: met by every backend
   * (a key-value backend reads which record holds the unique value, then writes conditioned on
   * it).
   */
  UPSERT_BY_UNIQUE(c -> true, Feature.UPSERT_TARGET),
  /** Upserts several rows in one atomic statement. */
  UPSERT_MANY(Capability::sql, Feature.UPSERT_MANY),
  /**
   * Checks a write that adds records to an existing record's relation limited by
   * {@code @AtMost}: a count under a lock of that record, in an interactive transaction, or a
   * counter the driver keeps atomically with the write ({@code Capability.atomicLimits}).
   */
  CARDINALITY(c -> c.interactiveTransactions() || c.atomicLimits(), Feature.CARDINALITY),
  /** Takes the least and greatest of decimals by value (a backend storing them as text cannot). */
  DECIMAL_ORDER(c -> !c.sql() || c.nativeDecimal(), Feature.DECIMAL_ORDER),
  /** Locks the rows a query reads inside a transaction. */
  ROW_LOCKS(Capability::rowLocks, Feature.ROW_LOCKS),
  /** Locks rows without waiting: {@code skipLocked()} and {@code noWait()}. */
  LOCK_WAIT_POLICY(Capability::lockWaitPolicies, Feature.LOCK_WAIT_POLICY),
  /**
   * Keeps a read-modify-write of two transactions from losing an update: by row locks, by the
   * SERIALIZABLE isolation an SQL database (one that runs raw SQL) honours, or by optimistic
   * transactions. Elsewhere (Neo4j, whose transactions read committed whatever the options ask)
   * the locking read a user would need is refused.
   */
  NO_LOST_UPDATES(c -> c.rowLocks() || c.rawSql() || c.optimisticTransactions(),
      Feature.ROW_LOCKS),
  /** Takes shared row locks ({@code FOR SHARE}). */
  SHARED_ROW_LOCKS(Capability::sharedRowLocks, Feature.SHARED_ROW_LOCKS),
  JSON_PATH(Capability::jsonPaths, Feature.JSON_PATH),
  /**
   * A primary key of more than two columns (DynamoDB keys an item by a partition and a sort key
   * only, and refuses a wider key when the schema is pushed).
   */
  WIDE_KEYS(Capability::sql, Feature.KEY_SHAPE),
  /**
   * Filters on the items of a stored collection ({@code contains}, {@code containsKey}): in the
   * backend's own filter, or, on a key-value backend, by the engine after the read.
   */
  COLLECTION_ITEMS(c -> c.queryForms().collectionItems() || !c.fullFilters(),
      Feature.COLLECTION_ITEMS),
  /** Updates that append to a stored list without reading the row. */
  LIST_APPEND(c -> c.queryForms().changes(QueryForms.CollectionChange.LIST_APPEND),
      Feature.COLLECTION_CHANGE),
  /** Updates that remove every occurrence of items from a stored list without reading it. */
  LIST_REMOVE(c -> c.queryForms().changes(QueryForms.CollectionChange.LIST_REMOVE),
      Feature.COLLECTION_CHANGE),
  /** Updates that add items to and remove items from a stored set without reading it. */
  SET_CHANGES(c -> c.queryForms().changes(QueryForms.CollectionChange.SET_ADD)
      && c.queryForms().changes(QueryForms.CollectionChange.SET_REMOVE),
      Feature.COLLECTION_CHANGE),
  /** Updates that put and remove entries of a stored map without reading it. */
  MAP_CHANGES(c -> c.queryForms().changes(QueryForms.CollectionChange.MAP_PUT)
      && c.queryForms().changes(QueryForms.CollectionChange.MAP_REMOVE),
      Feature.COLLECTION_CHANGE),
  /**
   * Has server sessions the harness can end from outside ({@link Backend#killSessions}): a trait
   * of the backend the TCK runs on, not of the engine's {@link Capability}, so only
   * {@link #isMetBy(Backend)} answers it.
   */
  SERVER_SESSIONS(c -> false, Backend::killsSessions, Feature.SERVER_SESSIONS);

  private final Predicate<Capability> test;
  private final Predicate<Backend> backendTest;
  private final Feature feature;

  Need(Predicate<Capability> test, Feature feature) {
    this(test, b -> test.test(b.capability()), feature);
  }

  Need(Predicate<Capability> test, Predicate<Backend> backendTest, Feature feature) {
    this.test = test;
    this.backendTest = backendTest;
    this.feature = feature;
  }

  /**
   * Whether a backend of {@code capability} has this feature; {@code false} for a need that is a
   * trait of the backend rather than of its capability ({@link #SERVER_SESSIONS}).
   */
  public boolean isMetBy(Capability capability) {
    return test.test(capability);
  }

  /** Whether {@code backend} has this feature. */
  public boolean isMetBy(Backend backend) {
    return backendTest.test(backend);
  }

  /** The feature a backend without this need refuses with. */
  public Feature feature() {
    return feature;
  }
}
