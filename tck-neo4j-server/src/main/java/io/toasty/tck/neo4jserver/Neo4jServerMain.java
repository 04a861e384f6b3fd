package io.toasty.tck.neo4jserver;

import java.io.IOException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts a Neo4j server of this module's version (neo4j-harness, Bolt on a free port, HTTP off),
 * prints {@value #READY} followed by its Bolt URI on one line, and stops when its standard input
 * closes: the TCK's JVM holds the other end of that pipe, so the server never outlives it.
 */
public final class Neo4jServerMain {
  /** The start of the line that carries the Bolt URI. */
  public static final String READY = "toasty-neo4j-bolt ";

  private Neo4jServerMain() {}

  /**
   * Runs the server until standard input reaches its end.
   *
   * @param args unused
   * @throws IOException if standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    Neo4j server = Neo4jBuilders.newInProcessBuilder()
        .withDisabledServer()
        .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .build();
    System.out.println(READY + server.boltURI());
    System.out.flush();
    try {
      while (System.in.read() != -1) {
        // Waits for the parent: nothing it writes means anything.
      }
    } finally {
      server.close();
    }
  }
}
