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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
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
 * 20 s) and stopped when the JVM exits; or another server, see {@link #boltUri}. Each open
 * database has labels, constraints and indexes of its own: their names start with its prefix,
 * the database's name ({@code tck_<uuid>_users}) or, in this JVM, that of a database of the same
 * models that a clean run gave back ({@link #recycle}), so that schema changes, which empty
 * Neo4j's plan cache, stay few. All runs share one Neo4j driver over Bolt. Times keep
 * nanoseconds.
 */
final class Neo4jBackend implements Backend {
  static final Neo4jBackend INSTANCE = new Neo4jBackend();
  /** Every node of a database (a label prefix), with its relationships. */
  private static final String DELETE_NODES =
      "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH $prefix) DETACH DELETE n";

  private Neo4j server;
  private volatile Driver driver;
  /** The label prefix of each open database; a recycled one's differs from its name. */
  private final Map<String, String> prefixes = new ConcurrentHashMap<>();
  /** The models each open database was opened with, as {@link #modelsKey} names them. */
  private final Map<String, String> modelsOf = new ConcurrentHashMap<>();
  /** Per set of models: prefixes whose schema is in place and whose nodes are deleted. */
  private final Map<String, Deque<String>> idle = new HashMap<>();
  /** Databases opened on a recycled prefix, which {@link #prepare} leaves as they are. */
  private final Set<String> recycled = ConcurrentHashMap.newKeySet();

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
    String models = modelsKey(request.models());
    modelsOf.put(request.database(), models);
    String labelPrefix = prefixes.computeIfAbsent(request.database(), database -> {
      String reused = takeIdle(models);
      if (reused == null) {
        return prefix(database);
      }
      recycled.add(database);
      return reused;
    });
    return request.configure(Toasty.builder()
        .models(request.models().toArray(ModelDef<?>[]::new))
        .driverFactory(config -> Neo4jDriver.builder()
            .driver(d, false)
            .schema(config.schema())
            .labelPrefix(labelPrefix)
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
    return inOneTransaction(List.of(DELETE_NODES), prefixOf(database));
  }

  /**
   * Only empties a database opened on a recycled prefix (again: a write left unanswered by the
   * run that gave it back may have landed since): its schema is its models'. Why recycle: every schema change (a constraint or index created or
   * dropped, under any label) empties Neo4j's whole cache of Cypher plans, and planning is most
   * of what the TCK's Neo4j runs cost (a query of six clauses plans in 100 to 300 ms and runs
   * from the cache in about 10 ms). Runs that reset a fresh schema and drop it after, two
   * scenarios side by side, kept every query of both replanning.
   */
  @Override
  public Mono<Void> prepare(Db db, String database) {
    return recycled.remove(database) ? empty(database) : Backend.super.prepare(db, database);
  }

  /**
   * On the server in this JVM: deletes the database's nodes and keeps its prefix, schema and
   * all, for the next fresh database of the same models ({@link #prepare}). Elsewhere: as
   * {@link #dispose}.
   */
  @Override
  public Mono<Void> recycle(String database) {
    if (server == null) {
      return dispose(database);
    }
    String prefix = prefixOf(database);
    String models = modelsOf.get(database);
    return empty(database).then(Mono.fromRunnable(() -> {
      forget(database);
      if (models != null) {
        synchronized (idle) {
          idle.computeIfAbsent(models, k -> new ArrayDeque<>()).add(prefix);
        }
      }
    }));
  }

  /**
   * Deletes the database's nodes; on a server elsewhere, also drops its constraints and indexes.
   * On the server in this JVM they stay (dropping them would empty the plan cache, see
   * {@link #prepare}), under a prefix no later database takes; the server goes with the JVM.
   */
  @Override
  public Mono<Void> dispose(String database) {
    String prefix = prefixOf(database);
    Mono<Void> nodes = inOneTransaction(List.of(DELETE_NODES), prefix);
    if (server != null) {
      return nodes.doOnSuccess(done -> forget(database));
    }
    return nodes
        .then(names("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $prefix RETURN name",
            prefix).map(name -> "DROP CONSTRAINT `" + name + "` IF EXISTS").collectList())
        .flatMap(drops -> inOneTransaction(drops, prefix))
        .then(names("SHOW INDEXES YIELD name, owningConstraint WHERE name STARTS WITH $prefix "
            + "AND owningConstraint IS NULL RETURN name", prefix)
            .map(name -> "DROP INDEX `" + name + "` IF EXISTS").collectList())
        .flatMap(drops -> inOneTransaction(drops, prefix))
        .doOnSuccess(done -> forget(database));
  }

  private String prefixOf(String database) {
    return prefixes.getOrDefault(database, prefix(database));
  }

  private void forget(String database) {
    prefixes.remove(database);
    modelsOf.remove(database);
    recycled.remove(database);
  }

  private String takeIdle(String models) {
    synchronized (idle) {
      Deque<String> free = idle.get(models);
      return free == null ? null : free.poll();
    }
  }

  /** The models' definitions by class name, sorted: equal for the same models. */
  private static String modelsKey(List<ModelDef<?>> models) {
    return models.stream().map(m -> m.getClass().getName()).sorted()
        .reduce((a, b) -> a + "," + b).orElse("");
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
        // Cypher's caches report hits, compiles and flushes to listeners (Neo4jPlanCacheTally).
        .withConfig(GraphDatabaseInternalSettings.cypher_enable_query_cache_monitors, true)
        .build();
    Neo4j started = server;
    Neo4jPlanCacheTally.watch(started);
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
