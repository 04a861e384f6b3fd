package io.toasty.docs.neo4j;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The Neo4j 5.26 server the guides' tests run their examples on, in this JVM: one for all of
 * them, each guide under its own label prefix (docs/neo4j.md, "One server, many tests").
 */
public final class InProcessNeo4j {
  private InProcessNeo4j() {}

  /** A new server with Bolt on a free port and no HTTP server; close it when done. */
  public static Neo4j start() {
    // snippet: neo4j-test-server
    return Neo4jBuilders.newInProcessBuilder().withDisabledServer() // Bolt only, no HTTP
        .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
        .withConfig(BoltConnectorInternalSettings.use_native_transport, false)
        .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .build();                                                   // Bolt on a free port
    // end-snippet
  }

  /**
   * The server this JVM's tests share, started on first use and closed when the JVM exits.
   * Starting one takes seconds of CPU, so the guides share it rather than start one each.
   */
  public static Neo4j shared() {
    return Shared.SERVER;
  }

  /** Holds the shared server; the class loader's lazy initialisation starts it exactly once. */
  private static final class Shared {
    static final Neo4j SERVER = startClosedAtExit();

    private static Neo4j startClosedAtExit() {
      Neo4j server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-harness-close"));
      return server;
    }
  }
}
