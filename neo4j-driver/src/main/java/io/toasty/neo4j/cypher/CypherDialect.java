package io.toasty.neo4j.cypher;

import java.util.List;
import java.util.Objects;

/**
 * Where the Cypher of a Bolt graph database differs from Neo4j's: one record of choices, one
 * instance per server, read across like a table. Everything not named here is rendered the same
 * for every dialect. {@link #NEO4J} is tested on every build; {@link #MEMGRAPH} is rendered from
 * Memgraph's documentation and tested only as text (no Memgraph server on the build machines,
 * see docs/neo4j.md).
 *
 * @param backend            the backend's name in capabilities and messages
 * @param schemaSyntax       how constraints and indexes are created
 * @param schemaTransaction  whether schema commands may share one explicit transaction (Memgraph
 *                           runs index and constraint commands only as auto-commit queries)
 * @param awaitIndex         the statement that waits until one new index is online, {@code %s}
 *                           its name as a Cypher string; {@code ""} where creating an index
 *                           returns once it is built. One index at a time, by name: Neo4j's
 *                           {@code db.awaitIndexes} waits for every index of the database, also
 *                           those another schema creates or drops at the same time
 * @param clock              the database's current time, {@code %s} the temporal function
 *                           ({@code datetime}, {@code localdatetime}, {@code localtime}), at
 *                           microseconds in UTC: Neo4j's clock has nanoseconds and is truncated;
 *                           Memgraph's has microseconds, no {@code truncate}, and the server's
 *                           time zone (UTC unless configured otherwise)
 * @param today              the database's current date in UTC
 */
public record CypherDialect(String backend, SchemaSyntax schemaSyntax, boolean schemaTransaction,
    String awaitIndex, String clock, String today) {

  /** Neo4j 5 and 2025.x (Cypher 5). */
  public static final CypherDialect NEO4J = new CypherDialect("neo4j", SchemaSyntax.FOR_REQUIRE,
      true, "CALL db.awaitIndex(%s, 300)", "%1$s.truncate('microsecond', %1$s({timezone: 'UTC'}))",
      "date({timezone: 'UTC'})");

  /** Memgraph (2.x and 3.x): its own schema syntax, which every version accepts. */
  public static final CypherDialect MEMGRAPH = new CypherDialect("memgraph",
      SchemaSyntax.ON_ASSERT, false, "", "%1$s()", "date()");

  public CypherDialect {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(schemaSyntax, "schemaSyntax");
    Objects.requireNonNull(awaitIndex, "awaitIndex");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(today, "today");
  }

  /** How a server spells its schema commands. */
  public enum SchemaSyntax {
    /**
     * Named, idempotent: {@code CREATE CONSTRAINT name IF NOT EXISTS FOR (n:L) REQUIRE (n.p) IS
     * UNIQUE}, {@code CREATE INDEX name IF NOT EXISTS FOR (n:L) ON (n.p)}.
     */
    FOR_REQUIRE,
    /**
     * Unnamed: {@code CREATE CONSTRAINT ON (n:L) ASSERT n.p IS UNIQUE},
     * {@code CREATE INDEX ON :L(p)}; creating one that exists is not an error.
     */
    ON_ASSERT
  }

  /**
   * The command creating a uniqueness constraint named {@code name} (quoted) on the quoted
   * {@code label}'s quoted {@code properties}.
   */
  public String uniqueConstraint(String name, String label, boolean edge,
      List<String> properties) {
    return switch (schemaSyntax) {
      case FOR_REQUIRE -> "CREATE CONSTRAINT " + name + " IF NOT EXISTS FOR " + on(label, edge)
          + " REQUIRE " + nodeProperties(properties, true) + " IS UNIQUE";
      // Memgraph has no uniqueness constraint on relationship properties: an edge index.
      case ON_ASSERT -> edge ? index(name, label, true, properties)
          : "CREATE CONSTRAINT ON (n:" + label + ") ASSERT " + nodeProperties(properties, false)
              + " IS UNIQUE";
    };
  }

  /**
   * The command creating a range index named {@code name} on the properties of the label's
   * nodes, or of the relationship type's relationships ({@code edge}).
   */
  public String index(String name, String label, boolean edge, List<String> properties) {
    return switch (schemaSyntax) {
      case FOR_REQUIRE -> "CREATE INDEX " + name + " IF NOT EXISTS FOR " + on(label, edge)
          + " ON " + nodeProperties(properties, true);
      case ON_ASSERT -> "CREATE " + (edge ? "EDGE " : "") + "INDEX ON :" + label + "("
          + String.join(", ", properties) + ")";
    };
  }

  /** {@code (n:Label)}, or {@code ()-[n:Type]-()} for a join model kept as a relationship. */
  private static String on(String label, boolean edge) {
    return edge ? "()-[n:" + label + "]-()" : "(n:" + label + ")";
  }

  /** The database's current time as a value of {@code function} ({@code datetime}, ..). */
  String now(String function) {
    return String.format(clock, function);
  }

  /** {@code (n.a, n.b)}, or {@code n.a, n.b} without the parentheses. */
  private static String nodeProperties(List<String> properties, boolean parenthesized) {
    StringBuilder out = new StringBuilder(parenthesized ? "(" : "");
    for (int i = 0; i < properties.size(); i++) {
      out.append(i > 0 ? ", " : "").append("n.").append(properties.get(i));
    }
    return out.append(parenthesized ? ")" : "").toString();
  }
}
