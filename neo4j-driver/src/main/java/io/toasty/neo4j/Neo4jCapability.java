package io.toasty.neo4j;

import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.driver.QueryForms;
import io.toasty.driver.ValueRanges;
import io.toasty.neo4j.cypher.CypherDialect;
import io.toasty.schema.naming.NamingStrategy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What Neo4j (5.x, Cypher 5) can do, as the planner reads it: it plans for this backend as for
 * any other that runs table-level statements ({@code sql} true), which this driver renders as
 * Cypher; it never asks which database it talks to.
 *
 * <ul>
 *   <li>Statements: a read, update, delete or insert is one Cypher statement; {@code SET} and
 *       {@code DELETE} can {@code RETURN} what they changed; a multi-row insert is one
 *       {@code UNWIND}; filters hold {@code EXISTS { }} and {@code COLLECT { }} subqueries, and
 *       Cypher evaluates every filter expression the engine has (LIKE as a regular expression).
 *   <li>Transactions: interactive (Bolt transactions), read committed only (a stronger level
 *       is refused), no savepoints; locking reads ({@code forUpdate()}) take write locks,
 *       exclusive and always waiting.
 *   <li>Keys: no sequences, so no database-generated integer keys.
 *   <li>Types: no UUID or decimal type (stored as text); temporal values hold Java's local
 *       range at nanoseconds.
 *   <li>No SQL text: raw SQL and SQL fragments are refused before anything is sent.
 *   <li>Names: {@link NamingStrategy#graph()} unless the application chooses a strategy.
 * </ul>
 */
public final class Neo4jCapability {
  private Neo4jCapability() {}

  /** Neo4j's temporal types hold years -999,999,999 to 999,999,999, as Java's local ones. */
  static final ValueRanges RANGES = new ValueRanges(
      LocalDateTime.MIN.toInstant(ZoneOffset.UTC), LocalDateTime.MAX.toInstant(ZoneOffset.UTC),
      LocalDateTime.MIN, LocalDateTime.MAX, LocalDate.MIN, LocalDate.MAX, 0, 0, -1,
      Integer.MIN_VALUE, true, true, true, 0, false);

  /** Neo4j 5 and 2025.x through this driver. */
  public static final Capability NEO4J = graph("neo4j");

  /**
   * Memgraph through this driver: the same as Neo4j's but for the backend's name, as far as
   * Memgraph's documentation tells (untested without a server; see docs/neo4j.md).
   */
  public static final Capability MEMGRAPH = graph("memgraph");

  /** The capability of the server {@code dialect} renders for. */
  static Capability of(CypherDialect dialect) {
    return dialect.backend().equals(MEMGRAPH.backend()) ? MEMGRAPH : NEO4J;
  }

  private static Capability graph(String backend) {
    // Decimals are text that sorts as the numbers do (SortableDecimal): they compare by value.
    return new Capability(backend, true, true, true, false, true,
        true, false, true, true, true, 65534, false, true, 0, false, false, 0, RANGES)
        // Cypher, not SQL: raw Cypher but no raw SQL text, and none of SQL's row values (the
        // planner rewrites them). Rows numbered per partition are Cypher's collect() sliced per
        // group (CypherPartitionLimit), so an include's limit per parent runs.
        // Stored collections are list properties (maps JSON text): filters test their items and
        // updates add and remove items of lists and sets in the statement (not a map's entries).
        .withoutRawSql().withCypher(true).withQueryForms(new QueryForms(false, true, true,
            Set.of(QueryForms.CollectionChange.LIST_APPEND,
                QueryForms.CollectionChange.LIST_REMOVE,
                QueryForms.CollectionChange.SET_ADD,
                QueryForms.CollectionChange.SET_REMOVE)))
        // Every Neo4j transaction reads committed data, whatever level BEGIN names (the Bolt
        // protocol has no isolation setting): a stronger level is refused, not run weaker.
        .withStrongestIsolation(Operation.Transaction.Isolation.READ_COMMITTED)
        // forUpdate() takes each node's write lock by writing it (CypherLocks), which always
        // waits and is exclusive: no forShare(), skipLocked() or noWait().
        .withWaitingRowLocks(true)
        // Labels after the record (Person) and properties in camel case (clickCount), as graph
        // users write them; DbBuilder.naming(NamingStrategy.declared()) keeps snake case.
        .withNaming(NamingStrategy.graph());
  }
}
