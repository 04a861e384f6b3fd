package io.toasty.docs.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.neo4j.InProcessNeo4j;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;

/**
 * Runs the relationship guide on Neo4j 5.26 in this JVM and on H2: the same output; on Neo4j the
 * graph holds each relationship with the declared type, direction and properties.
 */
class RelationshipGuideTest {
  private static final String OUTPUT =
      "muted [too many posts], authors [Ann], staff [Ann, Bob]";

  @Test
  void runsOnH2() {
    assertEquals(OUTPUT, run("r2dbc:h2:mem:///relationship-guide"));
  }

  @Test
  void runsOnNeo4jAndStoresTheDeclaredRelationships() {
    Neo4j neo4j = InProcessNeo4j.shared();
    assertEquals(OUTPUT, run(neo4j.boltURI() + "?labelPrefix=relationship_"));
    assertEquals(List.of(Map.of("who", "Ann", "at", "Acme"), Map.of("who", "Bob", "at", "Acme")),
        rows(neo4j, "MATCH (p:relationship_Person)-[:WORKS_AT]->(c:relationship_Company)"
            + " RETURN p.name AS who, c.name AS at ORDER BY who"));
    assertEquals(List.of(Map.of("who", "Ann", "title", "Graphs")), rows(neo4j,
        "MATCH (p:relationship_Person)-[:WROTE]->(t:relationship_Post)"
            + " RETURN p.name AS who, t.title AS title"));
    assertEquals(List.of(Map.of("from", "Bob", "to", "Ann", "muted", true,
        "note", "too many posts")), rows(neo4j,
        "MATCH (a:relationship_Person)-[f:relationship_FOLLOWS]->(b:relationship_Person)"
            + " RETURN a.name AS from, b.name AS to, f.muted AS muted, f.note AS note"));
    assertEquals(List.of(Map.of("n", 0L)),
        rows(neo4j, "MATCH (f:relationship_Follow) RETURN count(f) AS n"));
    // labels after the records, Neo4j's default names: none after the tables
    assertEquals(List.of(Map.of("n", 0L)),
        rows(neo4j, "MATCH (p:relationship_persons) RETURN count(p) AS n"));
  }

  private static List<Map<String, Object>> rows(Neo4j neo4j, String cypher) {
    return neo4j.defaultDatabaseService().executeTransactionally(cypher, Map.of(),
        r -> r.stream().toList());
  }

  private static String run(String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      RelationshipGuide.run(url, out);
    }
    return bytes.toString(StandardCharsets.UTF_8).trim();
  }
}
