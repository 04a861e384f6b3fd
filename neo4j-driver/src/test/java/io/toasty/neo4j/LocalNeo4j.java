package io.toasty.neo4j;

import java.net.URI;
import java.util.UUID;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** Neo4j 5.26 in this test JVM, started once (about 20 s) and stopped when the JVM exits. */
final class LocalNeo4j {
  private static Neo4j server;

  private LocalNeo4j() {}

  /** The server's Bolt URI, starting it on first use. */
  static synchronized URI bolt() {
    if (server == null) {
      server = Neo4jBuilders.newInProcessBuilder()
          .withDisabledServer()
          // The in-JVM local channel does not start under Netty 4.2; Bolt over TCP does.
          .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
          .withConfig(BoltConnectorInternalSettings.use_native_transport, false)
          .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
          .build();
      Neo4j started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "neo4j-stop"));
    }
    return server.boltURI();
  }

  /** A URL for a fresh label prefix: each test sees only its own nodes. */
  static String url() {
    return bolt() + "?labelPrefix=t" + UUID.randomUUID().toString().replace("-", "")
        + "_";
  }
}
