package io.toasty.docs.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;

/** Runs the Neo4j guide's example on Neo4j 5.26 in this JVM and checks its output. */
class Neo4jGuideTest {

  @Test
  void aMemgraphUrlSelectsMemgraphsDialectWithoutConnecting() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Neo4jGuide.memgraph(out);
    }
    assertEquals("memgraph", bytes.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void runsTheNeo4jGuideOnAnInProcessServer() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // snippet: neo4j-test-use
    Neo4j neo4j = InProcessNeo4j.shared();                    // one server for the test JVM
    String url = neo4j.boltURI() + "?labelPrefix=guide_";     // bolt://localhost:port
    Neo4jGuide.run(url, out);                                 // labels guide_Movie, ..
    // end-snippet
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of(
        "[The Matrix, Alien], 1 crime; Welcome to the Real World",
        "Movie.title taken",
        "rolled back, Ronin stored: false",
        "Heat released 1996",
        "[Decade[decade=1970, movies=1], Decade[decade=1990, movies=2]] Alien 1996",
        "-- Cypher (what the driver sends) true",
        "no directorId node",
        "true [Lana Wachowski] 2",
        "true 1 0",
        "SAVEPOINTS on neo4j",
        "migrations applied [1], 1 in the history",
        "3 [guide_Bookmark]",
        "5 [guide_bookmarks]"), lines);
  }
}
