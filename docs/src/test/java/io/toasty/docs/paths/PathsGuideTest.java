package io.toasty.docs.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import io.toasty.docs.neo4j.InProcessNeo4j;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;

/** Runs the paths guide on H2, on Neo4j 5.26 and on DynamoDB Local in this JVM: the same output. */
class PathsGuideTest {
  private static final String OUTPUT =
      "near [cat:2, dan:2], early [bob, cat], eve at 3\nexplained";

  @Test
  void runsOnH2() {
    assertEquals(OUTPUT, run("r2dbc:h2:mem:///paths-guide"));
  }

  @Test
  void runsOnNeo4j() {
    Neo4j neo4j = InProcessNeo4j.shared();
    assertEquals(OUTPUT, run(neo4j.boltURI() + "?labelPrefix=paths_"));
  }

  @Test
  void runsOnDynamoDbHopByHop() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      assertEquals(OUTPUT, run(local.url("paths_")));
    }
  }

  private static String run(String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      PathsGuide.run(url, out);
    }
    return bytes.toString(StandardCharsets.UTF_8).trim();
  }
}
