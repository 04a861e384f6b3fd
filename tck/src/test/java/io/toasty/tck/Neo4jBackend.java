package io.toasty.tck;

import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.neo4j.Neo4jCapability;
import io.toasty.neo4j.Neo4jDriver;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.net.URI;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Neo4j 5.26 in this JVM (neo4j-harness), started once when the first scenario opens it (about
 * 20 s) and stopped when the JVM exits; or another server, see {@link #boltUri}. Each scenario run has labels, constraints and indexes of
 * its own: their names start with the run's database name ({@code tck_<uuid>_users}), and
 * {@link #dispose} deletes its nodes and drops its constraints and indexes. All runs share one
 * Neo4j driver over Bolt. Times keep nanoseconds.
 */
final class Neo4jBackend implements Backend {
  static final Neo4jBackend INSTANCE = new Neo4jBackend();
  /** Every node of a database (a label prefix), with its relationships. */
  private static final String DELETE_NODES =
      "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH $prefix) DETACH DELETE n";

  private Neo4j server;
  private volatile Driver driver;

  private Neo4jBackend() {}

  @Override
  public String name() {
    return "neo4j";
  }

  @Override
  public Capability capability() {
    return Neo4jCapability.NEO4J;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.NANOS;
  }

  @Override
  public Db open(Request request) {
    Driver d = driver();
    return request.configure(Toasty.builder()
        .models(request.models().toArray(ModelDef<?>[]::new))
        .driverFactory(config -> Neo4jDriver.builder()
            .driver(d, false)
            .schema(config.schema())
            .labelPrefix(prefix(request.database()))
            .poolMaxSize(config.poolMaxSize())
            .statementTimeout(config.statementTimeout())
            .build())
        .poolMaxSize(request.poolMaxSize())
        .planCacheSize(request.planCacheSize())
        .wrapDriver(request.wrapDriver()))
        .build();
  }

  @Override
  public boolean empties() {
    return true;
  }

  /** Deletes the database's nodes and their relationships; constraints and indexes stay. */
  @Override
  public Mono<Void> empty(String database) {
    return inOneTransaction(List.of(DELETE_NODES), prefix(database));
  }

  @Override
  public Mono<Void> dispose(String database) {
    String prefix = prefix(database);
    return empty(database)
        .then(names("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $prefix RETURN name",
            prefix).map(name -> "DROP CONSTRAINT `" + name + "` IF EXISTS").collectList())
        .flatMap(drops -> inOneTransaction(drops, prefix))
        .then(names("SHOW INDEXES YIELD name, owningConstraint WHERE name STARTS WITH $prefix "
            + "AND owningConstraint IS NULL RETURN name", prefix)
            .map(name -> "DROP INDEX `" + name + "` IF EXISTS").collectList())
        .flatMap(drops -> inOneTransaction(drops, prefix));
  }

  /**
   * Runs {@code commands} in one transaction (schema commands may share one), as the driver's
   * managed transaction: it runs again after a transient failure. Scenarios run in parallel, and
   * a run's cleanup (deleting its nodes) can deadlock with another run's writes on a label's
   * lock; Neo4j then fails one of the two with a transient error, to be retried.
   */
  private Mono<Void> inOneTransaction(List<String> commands, String prefix) {
    if (commands.isEmpty()) {
      return Mono.empty();
    }
    return Flux.usingWhen(
        Mono.fromSupplier(() -> started().session(ReactiveSession.class)),
        s -> s.executeWrite(tx -> Flux.fromIterable(commands).concatMap(c -> Flux.from(
                tx.run(c, Map.of("prefix", prefix))).concatMap(r -> Mono.from(r.consume())))
            .then()),
        s -> Mono.from(s.close())).then();
  }

  private Flux<String> names(String cypher, String prefix) {
    return Flux.usingWhen(
        Mono.fromSupplier(() -> started().session(ReactiveSession.class)),
        s -> Flux.from(s.run(cypher, Map.of("prefix", prefix)))
            .concatMap(r -> Flux.from(r.records()))
            .map(r -> r.get(0).asString()),
        s -> Mono.from(s.close()));
  }

  private static String prefix(String database) {
    return database + "_";
  }

  /**
   * The driver, once {@link #driver()} has made it. Not synchronized: the warm-up in
   * {@code driver()} runs (and waits for) work whose continuations call this on the Neo4j
   * driver's threads.
   */
  private Driver started() {
    Driver d = driver;
    if (d == null) {
      throw new IllegalStateException("Neo4j is not started");
    }
    return d;
  }

  /** The shared driver, starting Neo4j on first use. */
  synchronized Driver driver() {
    if (driver == null) {
      driver = GraphDatabase.driver(boltUri(), AuthTokens.none(),
          Config.builder().withMaxConnectionPoolSize(200).withLogging(Logging.none()).build());
      System.out.println("[neo4j] TCK runs on Neo4j " + serverVersion());
      // The first schema transaction and the first queries of a fresh server are slow (class
      // loading, Cypher's planner warming up): pay for that here, on the test thread, not inside
      // the first scenario's bounded reset.
      String warm = "tck_warmup_";
      inOneTransaction(List.of("CREATE CONSTRAINT tck_warmup_c IF NOT EXISTS FOR (n:tck_warmup_l) "
          + "REQUIRE n.k IS UNIQUE"), warm).block();
      inOneTransaction(List.of("CREATE (n:tck_warmup_l {k: 1}) RETURN n.k"), warm).block();
      dispose("tck_warmup").block();
    }
    return driver;
  }

  /**
   * Where the runs' Neo4j listens: the server {@code -Dtoasty.neo4j.uri} names (one that is
   * already running, without authentication), else a server in a JVM of its own when
   * {@code -Dtoasty.neo4j.server.java} and {@code -Dtoasty.neo4j.server.target} are given (the
   * {@code neo4j-compat} profile's Neo4j 2025.x, {@link ForkedNeo4j}), else Neo4j 5.26 in this
   * JVM, stopped when it exits.
   */
  private URI boltUri() {
    String external = System.getProperty("toasty.neo4j.uri", "");
    if (!external.isBlank()) {
      return URI.create(external);
    }
    String java = System.getProperty("toasty.neo4j.server.java", "");
    if (!java.isBlank()) {
      return ForkedNeo4j.start(java, Path.of(System.getProperty("toasty.neo4j.server.target")));
    }
    server = Neo4jBuilders.newInProcessBuilder()
        .withDisabledServer()
        // The in-JVM local channel does not start under Netty 4.2; Bolt over TCP does.
        .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
        .withConfig(BoltConnectorInternalSettings.use_native_transport, false)
        .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .build();
    Neo4j started = server;
    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "neo4j-harness-stop"));
    return server.boltURI();
  }

  /** The server's name and version, as it reports them, for the run's log. */
  private String serverVersion() {
    try (var session = started().session()) {
      // 2025.x lists the Cypher versions too, under names of their own.
      var record = session.run("CALL dbms.components() YIELD name, versions, edition "
          + "WHERE name = 'Neo4j Kernel' RETURN versions[0] + ' ' + edition").single();
      return record.get(0).asString();
    } catch (RuntimeException e) {
      return "(version unknown: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
