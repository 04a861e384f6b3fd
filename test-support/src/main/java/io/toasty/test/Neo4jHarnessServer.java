package io.toasty.test;

import io.toasty.ModelDef;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Neo4j in the test JVM (neo4j-harness), started by the first database opened on it (about
 * 10 to 20 s) and stopped when the JVM exits. Each test database is a label prefix
 * ({@code <name>_}): the driver puts it before every label, constraint and index name; dropping
 * it deletes the prefix's nodes, constraints and indexes.
 */
final class Neo4jHarnessServer {
  private static final String DELETE_NODES =
      "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH $prefix) DETACH DELETE n";
  private static final String CONSTRAINTS =
      "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $prefix RETURN name";
  private static final String INDEXES = "SHOW INDEXES YIELD name, owningConstraint "
      + "WHERE name STARTS WITH $prefix AND owningConstraint IS NULL RETURN name";
  private static @Nullable Neo4jHarnessServer started;

  private final Neo4j server;
  private final Driver driver;

  private Neo4jHarnessServer(Neo4j server, Driver driver) {
    this.server = server;
    this.driver = driver;
  }

  static TestDatabase open(String name, ModelDef<?>[] models) {
    Neo4jHarnessServer neo4j = get();
    String prefix = name + "_";
    return TestDatabase.at(name, neo4j.server.boltURI() + "?labelPrefix=" + prefix, models,
        () -> neo4j.drop(prefix));
  }

  private void drop(String prefix) {
    Map<String, Object> parameters = Map.of("prefix", prefix);
    try (Session session = driver.session()) {
      session.executeWriteWithoutResult(tx -> tx.run(DELETE_NODES, parameters).consume());
      for (String constraint : session.run(CONSTRAINTS, parameters)
          .list(r -> r.get(0).asString())) {
        session.run("DROP CONSTRAINT `" + constraint + "` IF EXISTS").consume();
      }
      for (String index : session.run(INDEXES, parameters).list(r -> r.get(0).asString())) {
        session.run("DROP INDEX `" + index + "` IF EXISTS").consume();
      }
    }
  }

  private static synchronized Neo4jHarnessServer get() {
    if (started == null) {
      Neo4j server = Neo4jBuilders.newInProcessBuilder()
          .withDisabledServer()
          // The in-JVM local channel does not start under Netty 4.2; Bolt over TCP does, on
          // Java's NIO transport (the native ones' artifacts are partly missing under 4.2).
          .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
          .withConfig(BoltConnectorInternalSettings.use_native_transport, false)
          .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
          .build();
      Driver driver = GraphDatabase.driver(server.boltURI(), AuthTokens.none(),
          Config.builder().withLogging(Logging.none()).build());
      // The driver first: a server stopped under open Bolt connections logs their teardown.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        driver.close();
        server.close();
      }, "toasty-test-neo4j-stop"));
      started = new Neo4jHarnessServer(server, driver);
    }
    return started;
  }
}
