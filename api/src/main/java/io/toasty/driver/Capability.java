package io.toasty.driver;

import io.toasty.schema.naming.NamingStrategy;
import java.util.Objects;

/**
 * What a backend can do. The planner consults this, and never the backend's name, to choose the
 * operations it emits: SQL statements where {@link #sql()} holds, key-value operations otherwise.
 *
 * @param backend                 the backend's short name, used in messages and test names
 * @param sql                     whether the backend executes SQL ({@code Operation.QuerySql})
 * @param returningFromMutation   whether UPDATE and DELETE can return rows (RETURNING or a
 *                                data-change delta table); otherwise the planner re-reads
 * @param orInIndexKeyCondition   whether a key condition may hold OR; otherwise the planner fans
 *                                out one operation per branch
 * @param nativeUuid              whether the backend has a UUID type (else bytes or text)
 * @param nativeDecimal           whether stored decimals compare by value: an exact decimal
 *                                type, or text written to sort as the numbers do (Neo4j); else
 *                                text compared as text (SQLite), whose least and greatest the
 *                                planner refuses with {@code Feature.DECIMAL_ORDER}
 * @param interactiveTransactions whether statements may run inside a begun transaction
 * @param savepoints              whether nested transactions can use savepoints
 * @param scan                    whether a full-table read is allowed when no key applies
 * @param subqueries              whether a filter may hold a subquery
 * @param multiRowInsert          whether one insert may carry many rows
 * @param maxIdentifierLength     the longest table, column or index name the backend accepts
 * @param identityKeys            whether the database generates integer keys ({@code @Auto} on
 *                                an integer key); otherwise such an insert is refused with
 *                                {@code Feature.IDENTITY_KEYS} before anything is sent
 * @param fullFilters             whether the backend's own filters evaluate every expression
 *                                (arithmetic, text patterns of every kind and either case,
 *                                {@code IN} lists of any length, not only up to 100 values);
 *                                otherwise the engine evaluates those conjuncts itself after
 *                                the read, and refuses them in a write's condition
 * @param maxAtomicWriteItems     the most items one atomic write may hold (DynamoDB's
 *                                TransactWriteItems: 100), each record and each unique value it
 *                                claims counting one; 0 when there is no such limit. The planner
 *                                refuses a larger insert with {@code Feature.TRANSACTION_SIZE}
 *                                before anything is sent
 * @param rowLocks                whether a query inside a transaction can lock its rows
 *                                ({@code FOR UPDATE}; see {@code lockWaitPolicies} for
 *                                {@code SKIP LOCKED} and {@code NOWAIT}); otherwise
 *                                {@code Feature.ROW_LOCKS}
 * @param sharedRowLocks          whether it can take shared row locks ({@code FOR SHARE});
 *                                otherwise {@code Feature.SHARED_ROW_LOCKS}
 * @param maxBindMarkers          the most bind markers one statement may hold (PostgreSQL and
 *                                MySQL/MariaDB 65535, SQLite 32766), which bounds the rows of
 *                                one multi-row insert; 0 when there is no limit to heed
 * @param valueRanges             the values the backend stores exactly; the planner refuses the
 *                                others before anything is sent
 * @param jsonPaths               whether a filter may read a scalar inside a stored JSON document
 *                                ({@code Expr.JsonText}): in the backend's own filter, or, where
 *                                {@code fullFilters} is false, by the engine after the read;
 *                                otherwise {@code Feature.JSON_PATH}
 * @param queryForms              the forms of a read beyond plain filters the backend writes as
 *                                they are (row values, window functions); the planner rewrites
 *                                the others
 * @param rawSql                  whether the application's own SQL text runs here (raw
 *                                statements, SQL fragments in filters); a backend whose driver
 *                                renders the planner's table-level statements in another query
 *                                language ({@link #sql()} true, this false: Cypher) refuses them
 *                                with {@code Feature.SQL} before anything is sent
 * @param partiql                 whether the application's own PartiQL statements run here
 *                                (DynamoDB's {@code ExecuteStatement}: {@code db.partiql(..)});
 *                                otherwise they are refused with {@code Feature.PARTIQL} before
 *                                anything is sent. SQL text is not PartiQL: a backend may have
 *                                one, the other, or neither
 * @param atomicLimits            whether the driver itself keeps relations' {@code @AtMost}
 *                                limits on its inserts, updates and deletes, atomically with
 *                                the write (DynamoDB: a counter on the owning record's item in
 *                                the same TransactWriteItems); the engine then sends a write
 *                                that adds to a limited relation as it is, where it would
 *                                otherwise check it in a transaction or, without interactive
 *                                transactions, refuse it with {@code Feature.CARDINALITY}
 * @param cypher                  whether the application's own Cypher statements run here
 *                                ({@code db.cypher(..)}); otherwise they are refused with
 *                                {@code Feature.CYPHER} before anything is sent
 * @param optimisticTransactions  whether the transactions the application begins
 *                                ({@code db.transaction(..)}, {@code db.begin()}) run, without
 *                                {@code interactiveTransactions}, as the driver's optimistic
 *                                ones: reads recorded with what they found, writes buffered and
 *                                sent at COMMIT, which fails with a transient
 *                                {@code SerializationFailureException} when an item read has
 *                                changed (DynamoDB). The engine's own plans still run without a
 *                                transaction, as {@code interactiveTransactions} false says
 * @param strongestIsolation      the strongest isolation level the backend's transactions keep
 *                                (SERIALIZABLE for the SQL databases and DynamoDB's optimistic
 *                                transactions; READ_COMMITTED for Neo4j, which runs every
 *                                transaction at that level). A transaction asking for a stronger
 *                                one is refused with {@code Feature.ISOLATION_LEVEL} before a
 *                                connection is taken, rather than run weaker than asked
 * @param pathQueries             whether path queries ({@code PathQuery.from(..).along(..)}: a
 *                                variable-length traversal, a shortest path) run here, as
 *                                recursive CTEs or native graph patterns, in one request;
 *                                otherwise the engine runs them as its own reads, hop by hop,
 *                                and never sends the driver an {@code Operation.PathQuery}
 * @param lockWaitPolicies        whether a locking read may skip rows others hold
 *                                ({@code SKIP LOCKED}) or fail at once ({@code NOWAIT}) instead
 *                                of waiting; otherwise {@code Feature.LOCK_WAIT_POLICY}. Every
 *                                SQL database with row locks can; Neo4j locks by writing and
 *                                always waits
 * @param changeStreams           whether a model's committed changes can be followed as a
 *                                stream ({@code db.changes(Tasks.MODEL)}): PostgreSQL's
 *                                triggers and {@code LISTEN}/{@code NOTIFY}, DynamoDB
 *                                Streams; otherwise the
 *                                stream fails with {@code Feature.CHANGE_STREAMS} before
 *                                anything is sent
 * @param naming                  how a {@code Db} on this backend names the tables (labels) and
 *                                columns (properties) the models did not name, unless the
 *                                application chooses ({@code DbBuilder.naming}): snake case as
 *                                derived ({@link NamingStrategy#declared()}) on most backends,
 *                                a graph's own spelling ({@link NamingStrategy#graph()}) on
 *                                Neo4j
 */
public record Capability(String backend, boolean sql, boolean returningFromMutation,
    boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
    boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
    boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
    boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
    int maxBindMarkers, ValueRanges valueRanges, boolean jsonPaths, QueryForms queryForms,
    boolean rawSql, boolean partiql, boolean atomicLimits, boolean cypher,
    boolean optimisticTransactions, Operation.Transaction.Isolation strongestIsolation,
    boolean pathQueries, boolean lockWaitPolicies, boolean changeStreams,
    NamingStrategy naming) {

  public Capability {
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(strongestIsolation, "strongestIsolation");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(valueRanges, "valueRanges");
    Objects.requireNonNull(queryForms, "queryForms");
    if (maxAtomicWriteItems < 0) {
      throw new IllegalArgumentException("maxAtomicWriteItems must not be negative, was "
          + maxAtomicWriteItems);
    }
    if (maxBindMarkers < 0) {
      throw new IllegalArgumentException("maxBindMarkers must not be negative, was "
          + maxBindMarkers);
    }
  }

  /** A capability whose {@code Db}s name tables and columns as the models derive them. */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
      int maxBindMarkers, ValueRanges valueRanges, boolean jsonPaths, QueryForms queryForms,
      boolean rawSql, boolean partiql, boolean atomicLimits, boolean cypher,
      boolean optimisticTransactions, Operation.Transaction.Isolation strongestIsolation,
      boolean pathQueries, boolean lockWaitPolicies, boolean changeStreams) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, maxBindMarkers, valueRanges, jsonPaths, queryForms, rawSql, partiql,
        atomicLimits, cypher, optimisticTransactions, strongestIsolation, pathQueries,
        lockWaitPolicies, changeStreams, NamingStrategy.declared());
  }

  /**
   * A capability that runs no Cypher statements of the application (see {@code cypher}) and has
   * no optimistic transactions (see {@code optimisticTransactions}).
   */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
      int maxBindMarkers, ValueRanges valueRanges, boolean jsonPaths, QueryForms queryForms,
      boolean rawSql, boolean partiql, boolean atomicLimits) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, maxBindMarkers, valueRanges, jsonPaths, queryForms, rawSql, partiql,
        atomicLimits, false, false, Operation.Transaction.Isolation.SERIALIZABLE, sql,
        rowLocks, false);
  }

  /** A capability whose driver keeps no relation limit itself (see {@code atomicLimits}). */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
      int maxBindMarkers, ValueRanges valueRanges, boolean jsonPaths, QueryForms queryForms,
      boolean rawSql, boolean partiql) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, maxBindMarkers, valueRanges, jsonPaths, queryForms, rawSql, partiql,
        false);
  }

  /**
   * A capability without JSON paths, whose query forms are all of SQL's when it runs SQL (else
   * none), that runs raw SQL exactly when it runs SQL (every SQL database) and no PartiQL.
   */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
      int maxBindMarkers, ValueRanges valueRanges) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, maxBindMarkers, valueRanges, false, sql ? QueryForms.SQL : QueryForms.NONE,
        sql, false);
  }

  /** A capability whose values have no range to heed but the surrogates' (see ValueRanges). */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks,
      int maxBindMarkers) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, maxBindMarkers, ValueRanges.UNLIMITED);
  }

  /**
   * This capability with change streams ({@code db.changes(..)}), or with them refused with
   * {@code Feature.CHANGE_STREAMS}.
   */
  public Capability withChangeStreams(boolean streams) {
    Copy copy = new Copy(this);
    copy.changeStreams = streams;
    return copy.build();
  }

  /**
   * This capability whose {@code Db}s name what the models did not with {@code naming}, unless
   * the application chooses another strategy.
   */
  public Capability withNaming(NamingStrategy naming) {
    Copy copy = new Copy(this);
    copy.naming = Objects.requireNonNull(naming, "naming");
    return copy.build();
  }

  /** This capability with the value ranges given. */
  public Capability withValueRanges(ValueRanges ranges) {
    Copy copy = new Copy(this);
    copy.valueRanges = ranges;
    return copy.build();
  }

  /** This capability with JSON paths in filters, or without. */
  public Capability withJsonPaths(boolean paths) {
    Copy copy = new Copy(this);
    copy.jsonPaths = paths;
    return copy.build();
  }

  /** This capability with the query forms given. */
  public Capability withQueryForms(QueryForms forms) {
    Copy copy = new Copy(this);
    copy.queryForms = forms;
    return copy.build();
  }

  /**
   * This capability with raw SQL refused: for a backend that runs the planner's table-level
   * statements in a query language of its own.
   */
  public Capability withoutRawSql() {
    Copy copy = new Copy(this);
    copy.rawSql = false;
    return copy.build();
  }

  /**
   * This capability with the application's PartiQL statements run ({@code db.partiql(..)}), or
   * refused with {@code Feature.PARTIQL}.
   */
  public Capability withPartiql(boolean partiql) {
    Copy copy = new Copy(this);
    copy.partiql = partiql;
    return copy.build();
  }

  /**
   * This capability with the application's Cypher statements run ({@code db.cypher(..)}), or
   * refused with {@code Feature.CYPHER}.
   */
  public Capability withCypher(boolean cypher) {
    Copy copy = new Copy(this);
    copy.cypher = cypher;
    return copy.build();
  }
  /**
   * This capability with the application's transactions run as the driver's optimistic ones
   * ({@code optimisticTransactions}), or not.
   */
  public Capability withOptimisticTransactions(boolean optimistic) {
    Copy copy = new Copy(this);
    copy.optimisticTransactions = optimistic;
    return copy.build();
  }

  /**
   * This capability whose transactions keep isolation levels up to {@code strongest}, and
   * refuse stronger ones.
   */
  public Capability withStrongestIsolation(Operation.Transaction.Isolation strongest) {
    Copy copy = new Copy(this);
    copy.strongestIsolation = strongest;
    return copy.build();
  }

  /**
   * This capability with path queries run in one request ({@code pathQueries}), or by the
   * engine's reads, hop by hop.
   */
  public Capability withPathQueries(boolean paths) {
    Copy copy = new Copy(this);
    copy.pathQueries = paths;
    return copy.build();
  }

  /**
   * This capability with locking reads, exclusive only and always waiting ({@code rowLocks},
   * without {@code sharedRowLocks} or {@code lockWaitPolicies}), or without any.
   */
  public Capability withWaitingRowLocks(boolean locks) {
    Copy copy = new Copy(this);
    copy.rowLocks = locks;
    copy.sharedRowLocks = false;
    copy.lockWaitPolicies = false;
    return copy.build();
  }

  /** Whether a transaction at {@code level} keeps what the level promises here. */
  public boolean keepsIsolation(Operation.Transaction.Isolation level) {
    return level.compareTo(strongestIsolation) <= 0;
  }

  /** Whether the application may begin transactions: interactive or optimistic ones. */
  public boolean transactions() {
    return interactiveTransactions || optimisticTransactions;
  }


  /**
   * This capability with relation limits kept by the driver ({@code atomicLimits}), or by the
   * engine.
   */
  public Capability withAtomicLimits(boolean limits) {
    Copy copy = new Copy(this);
    copy.atomicLimits = limits;
    return copy.build();
  }

  /**
   * A capability with no bind marker limit to heed, whose row locks, exclusive and shared, are
   * there exactly when it runs SQL in interactive transactions.
   */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, 0);
  }

  /** A capability with a bind marker limit and the default row locks (see above). */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, int maxBindMarkers) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems,
        sql && interactiveTransactions, sql && interactiveTransactions, maxBindMarkers);
  }

  /** A capability with the row locks given and no bind marker limit to heed. */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength, boolean identityKeys,
      boolean fullFilters, int maxAtomicWriteItems, boolean rowLocks, boolean sharedRowLocks) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
        sharedRowLocks, 0);
  }

  /**
   * A capability whose backend generates integer keys and evaluates every filter exactly when it
   * runs SQL, and whose atomic writes have no item limit, as every backend did before
   * {@link #identityKeys()}, {@link #fullFilters()} and {@link #maxAtomicWriteItems()} were
   * declared.
   */
  public Capability(String backend, boolean sql, boolean returningFromMutation,
      boolean orInIndexKeyCondition, boolean nativeUuid, boolean nativeDecimal,
      boolean interactiveTransactions, boolean savepoints, boolean scan, boolean subqueries,
      boolean multiRowInsert, int maxIdentifierLength) {
    this(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid, nativeDecimal,
        interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
        maxIdentifierLength, sql, sql, 0, 0);
  }

  /**
   * H2 (2.x): SQL, native UUID and decimal, data-change delta tables for returning; row locks
   * are {@code FOR UPDATE} only (H2 has no {@code FOR SHARE}); collections are JSON text its
   * filters do not search for items.
   */
  public static final Capability H2 =
      new Capability("h2", true, true, true, true, true, true, true, true, true, true, 256, true,
          true, 0, true, false).withValueRanges(ValueRanges.H2)
          .withQueryForms(QueryForms.SQL_TEXT);

  /**
   * PostgreSQL: SQL with RETURNING, native UUID and NUMERIC; identifiers up to 63 bytes; lists and
   * sets are arrays, which updates add items to and remove items from; change streams through
   * triggers that {@code NOTIFY} at commit.
   */
  public static final Capability POSTGRESQL =
      new Capability("postgresql", true, true, true, true, true, true, true, true, true, true,
          63, true, true, 0, 65535).withValueRanges(ValueRanges.POSTGRESQL)
          .withJsonPaths(true).withQueryForms(QueryForms.SQL_ARRAYS).withChangeStreams(true);

  /**
   * MySQL (8.0+): SQL; UUIDs stored as {@code BINARY(16)}; no RETURNING, so the planner re-reads
   * after UPDATE, and inserts row by row (a generated key comes back through
   * {@code LAST_INSERT_ID()}, one per statement); identifiers up to 64 characters. Also what an
   * {@code r2dbc:mysql:} URL promises when the server turns out to be MariaDB.
   */
  public static final Capability MYSQL =
      new Capability("mysql", true, false, true, false, true, true, true, true, true, false,
          64, true, true, 0, 65535).withValueRanges(ValueRanges.MYSQL)
          .withJsonPaths(true);

  /**
   * MariaDB (10.7+): SQL; a native UUID type; {@code INSERT ... RETURNING}, so one insert carries
   * many rows and returns their keys in order; no RETURNING from UPDATE, so the planner re-reads;
   * identifiers up to 64 characters.
   */
  public static final Capability MARIADB =
      new Capability("mariadb", true, false, true, true, true, true, true, true, true, true,
          64, true, true, 0, 65535).withValueRanges(ValueRanges.MYSQL)
          .withJsonPaths(true);

  /**
   * SQLite (3.35+): SQL with RETURNING; no UUID or exact decimal type (stored as bytes or text).
   */
  public static final Capability SQLITE =
      new Capability("sqlite", true, true, true, false, false, true, true, true, true, true,
          1024, true, true, 0, 32766).withValueRanges(ValueRanges.SQLITE)
          .withJsonPaths(true);

  /**
   * DynamoDB: key-value operations only, and the application's PartiQL statements ({@code
   * ExecuteStatement}); OR in key conditions is fanned out. An insert of many rows is one
   * operation, which the driver writes as one TransactWriteItems (all or nothing, within its 100
   * items and 4 MB). The application's transactions are optimistic (and the engine's own plans use
   * none): the driver records what each read found, buffers the writes (with savepoints as marks in
   * that buffer) and sends them at COMMIT in one TransactWriteItems conditioned on every item read
   * being unchanged, so a conflict fails the COMMIT with a transient {@code
   * SerializationFailureException}. An update changes a stored collection without the application
   * reading it: natively where DynamoDB's UpdateExpression can ({@code list_append}, a set's {@code
   * ADD}/{@code DELETE}, a map entry's {@code SET}/{@code REMOVE}), else by the driver reading the
   * item and writing conditioned on what it read (a list's removal). A filter on a path inside a
   * JSON document is evaluated by the engine after the read (a write reads its records first).
   */
  public static final Capability DYNAMODB =
      new Capability("dynamodb", false, true, false, false, false, false, true, true, false,
          true, 255, false, false, 100).withValueRanges(ValueRanges.DYNAMODB).withPartiql(true)
          .withQueryForms(QueryForms.NONE.withCollectionChanges(QueryForms.ALL_CHANGES))
          .withAtomicLimits(true).withOptimisticTransactions(true).withJsonPaths(true)
          .withChangeStreams(true);

  /** A capability's components to change one at a time: the withers' single copy. */
  private static final class Copy {
    String backend;
    boolean sql;
    boolean returningFromMutation;
    boolean orInIndexKeyCondition;
    boolean nativeUuid;
    boolean nativeDecimal;
    boolean interactiveTransactions;
    boolean savepoints;
    boolean scan;
    boolean subqueries;
    boolean multiRowInsert;
    int maxIdentifierLength;
    boolean identityKeys;
    boolean fullFilters;
    int maxAtomicWriteItems;
    boolean rowLocks;
    boolean sharedRowLocks;
    int maxBindMarkers;
    ValueRanges valueRanges;
    boolean jsonPaths;
    QueryForms queryForms;
    boolean rawSql;
    boolean partiql;
    boolean atomicLimits;
    boolean cypher;
    boolean optimisticTransactions;
    Operation.Transaction.Isolation strongestIsolation;
    boolean pathQueries;
    boolean lockWaitPolicies;
    boolean changeStreams;
    NamingStrategy naming;

    Copy(Capability from) {
      this.backend = from.backend;
      this.sql = from.sql;
      this.returningFromMutation = from.returningFromMutation;
      this.orInIndexKeyCondition = from.orInIndexKeyCondition;
      this.nativeUuid = from.nativeUuid;
      this.nativeDecimal = from.nativeDecimal;
      this.interactiveTransactions = from.interactiveTransactions;
      this.savepoints = from.savepoints;
      this.scan = from.scan;
      this.subqueries = from.subqueries;
      this.multiRowInsert = from.multiRowInsert;
      this.maxIdentifierLength = from.maxIdentifierLength;
      this.identityKeys = from.identityKeys;
      this.fullFilters = from.fullFilters;
      this.maxAtomicWriteItems = from.maxAtomicWriteItems;
      this.rowLocks = from.rowLocks;
      this.sharedRowLocks = from.sharedRowLocks;
      this.maxBindMarkers = from.maxBindMarkers;
      this.valueRanges = from.valueRanges;
      this.jsonPaths = from.jsonPaths;
      this.queryForms = from.queryForms;
      this.rawSql = from.rawSql;
      this.partiql = from.partiql;
      this.atomicLimits = from.atomicLimits;
      this.cypher = from.cypher;
      this.optimisticTransactions = from.optimisticTransactions;
      this.strongestIsolation = from.strongestIsolation;
      this.pathQueries = from.pathQueries;
      this.lockWaitPolicies = from.lockWaitPolicies;
      this.changeStreams = from.changeStreams;
      this.naming = from.naming;
    }

    Capability build() {
      return new Capability(backend, sql, returningFromMutation, orInIndexKeyCondition, nativeUuid,
          nativeDecimal, interactiveTransactions, savepoints, scan, subqueries, multiRowInsert,
          maxIdentifierLength, identityKeys, fullFilters, maxAtomicWriteItems, rowLocks,
          sharedRowLocks, maxBindMarkers, valueRanges, jsonPaths, queryForms, rawSql, partiql,
          atomicLimits, cypher, optimisticTransactions, strongestIsolation, pathQueries,
          lockWaitPolicies, changeStreams, naming);
    }
  }
}
