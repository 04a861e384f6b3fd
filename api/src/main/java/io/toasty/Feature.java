package io.toasty;

import io.toasty.error.UnsupportedFeatureException;

/**
 * What an {@link UnsupportedFeatureException} refuses, in a form a program can test. Each
 * constant names one thing a backend (or this version of the engine) cannot do; its
 * {@link #text()} is how the exception's message names it.
 *
 * <pre>{@code
 * Users.filter(Users.NAME.eq("Carl")).orderBy(Users.NAME.asc()).collect(db)
 *     .onErrorResume(UnsupportedFeatureException.class,
 *         e -> e.feature() == Feature.ORDER_BY ? sortInMemory() : Mono.error(e));
 * }</pre>
 */
public enum Feature {
  // What a backend's Capability declares.
  /** SQL statements: raw SQL, or an operation only an SQL driver runs. */
  SQL("SQL"),
  /**
   * The application's own PartiQL statements ({@code db.partiql(..)}): DynamoDB's
   * {@code ExecuteStatement}. SQL databases refuse them (SQL text is not PartiQL).
   */
  PARTIQL("PartiQL statements"),
  /**
   * The application's own Cypher statements ({@code db.cypher(..)}): Neo4j's query language.
   * SQL databases and DynamoDB refuse them.
   */
  CYPHER("Cypher statements"),
  /**
   * A path query ({@code PathQuery.from(..).along(..)}): a variable-length traversal of a relation,
   * or the shortest path over it. Graph and SQL backends (recursive CTEs) run it in one request;
   * where a backend cannot (DynamoDB), the engine runs it as its own reads, hop by hop, so no
   * preset refuses it; the planner's path pass still refuses an operation for such a backend.
   */
  PATH_QUERIES("path queries"),
  /**
   * Following a model's committed changes as a stream ({@code db.changes(Tasks.MODEL)}):
   * PostgreSQL's triggers and {@code LISTEN}/{@code NOTIFY}, DynamoDB Streams; the other backends
   * refuse it.
   */
  CHANGE_STREAMS("change streams"),
  /** A full-table read where no key or index applies. */
  SCAN("a query without a key or an index"),
  /** Integer keys the database generates ({@code @Auto} on an integer key). */
  IDENTITY_KEYS("database-generated integer keys"),
  /** Statements run inside a begun transaction. */
  INTERACTIVE_TRANSACTIONS("interactive transactions"),
  /** Nested transactions (savepoints). */
  SAVEPOINTS("nested transactions (savepoints)"),
  /** A filter that reads another table (a subquery). */
  SUBQUERIES("subqueries"),
  /** One insert statement of several rows where the keys it generates feed other rows. */
  MULTI_ROW_INSERT("a nested create of several rows"),
  /** Rows returned by an UPDATE or DELETE statement. */
  RETURNING_FROM_MUTATION("returning rows from an update or delete"),

  // What a key-value backend plans only in some shapes.
  /** Ordering by fields that are not the table's (sort) key. */
  ORDER_BY("order by"),
  /** A plan of several statements on a backend that runs one statement per plan. */
  MULTI_STATEMENT_PLAN("a plan of several statements"),
  /** An include the backend cannot read by key or by an index on the foreign key. */
  INCLUDE("include of a relation"),
  /** Creating related records with their parent in one statement. */
  NESTED_CREATE("nested create"),
  /** Deleting records that other records point to (cascading delete or nulling). */
  CASCADING_DELETE("deleting records that other records point to"),
  /** A write that must be atomic and exceeds the backend's transaction limits. */
  TRANSACTION_SIZE("an atomic write beyond the backend's transaction limits"),
  /**
   * A batch of statements that cannot be one atomic request: on a backend without interactive
   * transactions, a batch that writes must consist of writes that are one key operation each.
   */
  ATOMIC_BATCH("a batch of statements that cannot be one atomic request"),
  /** A request beyond the backend's expression or key-list limits. */
  REQUEST_SIZE("a request beyond the backend's limits"),
  /** A key or index of a shape or type the backend cannot declare. */
  KEY_SHAPE("a key or index of this shape"),
  /** A number the backend cannot store (NaN, infinity, out of range). */
  NUMBER_RANGE("numbers outside the backend's range"),
  /** Changing a key field in an update. */
  KEY_UPDATE("updating a key field"),
  /**
   * An update expression the backend cannot express (a key-value backend computes arithmetic
   * and text functions over the record's fields itself; other expressions are refused).
   */
  UPDATE_EXPRESSION("this update expression"),
  /** A filter expression the backend cannot express (and the engine could not evaluate). */
  FILTER_EXPRESSION("this filter expression"),
  /** A text pattern the backend cannot match (ends-with, LIKE, case-insensitive). */
  PATTERN_MATCH("this text pattern"),
  /** Comparing rows (tuples) with a shape the backend cannot render. */
  ROW_COMPARISON("this row comparison"),
  /** Applying generated schema migrations (no migration files are written for the backend). */
  MIGRATIONS("schema migrations"),
  /** A filter on a path inside a JSON document ({@code JsonPath.text(..)}). */
  JSON_PATH("a filter on a path inside a JSON document"),
  /** A filter on the items of a stored collection ({@code CollectionPath.contains(..)}). */
  COLLECTION_ITEMS("a filter on the items of a stored collection"),
  /**
   * An update that adds items to or removes items from a stored collection without reading it
   * ({@code CollectionPath.append(..)}).
   */
  COLLECTION_CHANGE("an update that adds or removes items of a stored collection"),

  // What the engine itself does not do, whatever the backend.
  /** Deleting through a cycle of required relations. */
  CYCLIC_CASCADE("deleting through a cycle of required relations"),
  /** An insert that sets an identity key in some rows only. */
  PARTIAL_IDENTITY("an insert that sets an identity key in some rows only"),
  /** Updating a field stored in several columns. */
  MULTI_COLUMN_UPDATE("updating a field stored in several columns"),
  /** Evaluating an expression in memory that the engine cannot evaluate. */
  IN_MEMORY_EVALUATION("in-memory evaluation of this expression"),
  /** A statement returning something it cannot return (records from a delete, keys, ...). */
  RETURNING_SHAPE("this returning clause"),
  /** An include on a statement other than a query, or a limit on an included relation. */
  INCLUDE_SHAPE("this include"),
  /** A limit or offset per parent on an included relation (needs window functions). */
  INCLUDE_LIMIT("a limit per parent on an included relation"),
  /**
   * A count or another aggregate of a relation's records per record, in a projection or an
   * order ({@code Persons.FOLLOWERS.count()} selected): one correlated subquery per statement.
   */
  RELATION_AGGREGATE("an aggregate of a relation in a projection or an order"),
  /** A count query. */
  COUNT_QUERY("count queries"),
  /** Writing through a many-to-many relation (nested create or link through a join model). */
  MANY_TO_MANY_WRITE("writing through a many-to-many relation"),
  /** An update or delete of an ordered or limited query. */
  ORDERED_MUTATION("update or delete of an ordered or limited query"),
  /**
   * An upsert whose conflict target is not the primary key, on a backend that arbitrates on keys
   * only (every backend today also upserts by a unique index: DynamoDB through the index's
   * uniqueness items).
   */
  UPSERT_TARGET("an upsert on a conflict target other than the primary key"),
  /** An upsert of several rows in one atomic statement (DynamoDB upserts one row at a time). */
  UPSERT_MANY("an upsert of several rows in one statement"),
  /**
   * A transaction at an isolation level stronger than the backend keeps (Neo4j runs every
   * transaction read committed: repeatable read and serializable are refused, not run weaker).
   */
  ISOLATION_LEVEL("an isolation level stronger than the backend keeps"),
  /** Row locks on a query ({@code FOR UPDATE}). */
  ROW_LOCKS("row locks"),
  /**
   * A locking read that does not wait for rows others hold: {@code SKIP LOCKED} or
   * {@code NOWAIT} (Neo4j takes a node's lock by writing to it, which always waits).
   */
  LOCK_WAIT_POLICY("a locking read that skips locked rows or does not wait (SKIP LOCKED, NOWAIT)"),
  /** Shared row locks ({@code FOR SHARE}). */
  SHARED_ROW_LOCKS("shared row locks (FOR SHARE)"),
  /**
   * A write that adds records to an existing record's relation limited by {@code @AtMost}: the
   * limit is checked by counting under a lock of that record, in an interactive transaction.
   */
  CARDINALITY("a write checked against a relation's @AtMost limit"),
  /**
   * The least or greatest of decimals by value ({@code Agg.min}/{@code max}): a backend that
   * stores decimals as text compares them as text.
   */
  DECIMAL_ORDER("the least or greatest decimal by value"),

  // What a test harness asks of a backend, beyond what the engine does.
  /**
   * Server sessions that can be ended from outside ({@code pg_terminate_backend}, {@code KILL}):
   * a database in the same JVM, or one reached by stateless requests, has none.
   */
  SERVER_SESSIONS("server sessions that can be ended from outside");

  private final String text;

  Feature(String text) {
    this.text = text;
  }

  /** How a message names this feature. */
  public String text() {
    return text;
  }
}
