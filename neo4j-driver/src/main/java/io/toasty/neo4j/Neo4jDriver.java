package io.toasty.neo4j;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.error.DriverException;
import io.toasty.neo4j.cypher.CypherDialect;
import io.toasty.neo4j.cypher.CypherRenderer;
import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.ddl.GraphSchema;
import io.toasty.neo4j.ddl.GraphUpgrades;
import io.toasty.neo4j.error.Neo4jErrors;
import io.toasty.schema.Schema;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Neo4j backend on the Neo4j Java driver's reactive API. The engine's statements arrive at
 * table level and leave as parameterized Cypher ({@link CypherRenderer}); a connection is one
 * {@link ReactiveSession}, whose Bolt connection comes from the Neo4j driver's own pool.
 *
 * <pre>{@code
 * Db db = Toasty.builder().url("neo4j://neo4j:secret@localhost:7687").models(Users.MODEL).build();
 * }</pre>
 *
 * <p>Several applications (or test runs) can share one database: with a label prefix, each
 * sees only the nodes, constraints and indexes of its own prefix.
 */
public final class Neo4jDriver implements Driver {
  private static final Logger LOG = LoggerFactory.getLogger(Neo4jDriver.class);
  private final org.neo4j.driver.Driver driver;
  private final boolean ownsDriver;
  private final SessionConfig sessionConfig;
  private final Neo4jContext context;
  private final GraphSchema graphSchema;
  private final int poolMaxSize;
  private final String labelPrefix;
  private final Capability capability;
  private final AtomicInteger acquired = new AtomicInteger();
  private volatile boolean closed;

  private Neo4jDriver(Builder b) {
    this.driver = Objects.requireNonNull(b.driver, "driver");
    this.ownsDriver = b.ownsDriver;
    Schema schema = Objects.requireNonNull(b.schema, "schema");
    Names names = Names.of(b.labelPrefix, schema);
    this.sessionConfig = b.database == null ? SessionConfig.defaultConfig()
        : SessionConfig.forDatabase(b.database);
    this.context = new Neo4jContext(schema, new CypherRenderer(schema, names, b.dialect),
        new Neo4jErrors(schema, names), b.statementTimeout);
    this.graphSchema = new GraphSchema(schema, names, b.dialect);
    this.capability = Neo4jCapability.of(b.dialect);
    this.poolMaxSize = b.poolMaxSize;
    this.labelPrefix = b.labelPrefix;
  }

  /** A builder over a Neo4j driver the caller made. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Cypher this driver runs for the planner's operations, for {@code Db.explain}. */
  @Override
  public Optional<OperationText> operationText() {
    return Optional.of(new Neo4jOperationText(context.renderer()));
  }

  /** The Neo4j driver this driver runs on (migrations run their own statements on it). */
  public org.neo4j.driver.Driver client() {
    return driver;
  }

  /** The sessions' configuration: the database they use. */
  public SessionConfig sessionConfig() {
    return sessionConfig;
  }

  /** The prefix of every label, constraint and index name ({@code ""} for none). */
  public String labelPrefix() {
    return labelPrefix;
  }

  @Override
  public Capability capability() {
    return capability;
  }

  @Override
  public Mono<Connection> connect() {
    return Mono.defer(() -> closed ? Mono.error(new DriverException(
        Neo4jContext.BACKEND, null, "the driver is closed", null)) : Mono.fromSupplier(() -> {
      ReactiveSession session = driver.session(ReactiveSession.class, sessionConfig);
      acquired.incrementAndGet();
      return new Neo4jConnection(context, session, acquired::decrementAndGet);
    }));
  }

  /**
   * Creates the missing constraints and indexes, all in one schema transaction (each in its own
   * where the dialect runs schema commands only outside transactions), then waits until the
   * indexes are online and sets {@code toasty_live} where a record's marker says otherwise
   * ({@link GraphSchema#repairs}); a constraint or index of push's name but another shape, which
   * {@code IF NOT EXISTS} keeps, is logged as a warning with the statements that replace it,
   * unless push may replace it ({@link SchemaUpgrade#inPlace()}: see {@link GraphUpgrades}).
   */
  @Override
  public Mono<Void> pushSchema() {
    return push().then(schemaUpgrades()).flatMap(left -> {
      left.stream().filter(u -> !u.inPlace())
          .forEach(u -> LOG.warn("[neo4j] schema push cannot replace {}; these statements do "
              + "(toasty schema diff --push prints them): {}", u.describe(), u.statements()));
      return schemaCommands(left.stream().filter(SchemaUpgrade::inPlace)
          .flatMap(u -> u.statements().stream()).toList());
    });
  }

  private Mono<Void> push() {
    Mono<Void> push = schemaCommands(graphSchema.push());
    List<String> awaits = graphSchema.awaitIndexes();
    List<String> repairs = graphSchema.repairs();
    Mono<Void> built = awaits.isEmpty() ? push : push.then(inOneTransaction(awaits));
    return repairs.isEmpty() ? built : built.then(inOneTransaction(repairs));
  }

  /**
   * What the graph lacks of the constraints and indexes push creates, from
   * {@code SHOW CONSTRAINTS} and {@code SHOW INDEXES} (see {@link GraphUpgrades}); empty where
   * the server's schema objects have no names (Memgraph).
   */
  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    if (!graphSchema.named()) {
      return Mono.just(List.of());
    }
    String listing = " YIELD name, entityType, labelsOrTypes, properties "
        + "WHERE labelsOrTypes IS NOT NULL RETURN name, entityType, labelsOrTypes, properties";
    return Flux.usingWhen(
            Mono.fromSupplier(() -> driver.session(ReactiveSession.class, sessionConfig)),
            session -> Flux.concat(Flux.from(session.run("SHOW CONSTRAINTS" + listing)),
                    Flux.from(session.run("SHOW INDEXES" + listing)))
                .concatMap(result -> Flux.from(result.records())),
            session -> Mono.from(session.close()))
        .collectMap(r -> r.get("name").asString(), r -> GraphUpgrades.shape(
            r.get("entityType").asString(), r.get("labelsOrTypes").asList(v -> v.asString()),
            r.get("properties").asList(v -> v.asString())), HashMap::new)
        .map(existing -> GraphUpgrades.of(graphSchema.objects(), existing))
        .onErrorMap(context.errors()::translate);
  }

  /** Deletes the schema's nodes; the constraints and indexes stay (a push adds any missing). */
  @Override
  public Mono<Void> resetSchema() {
    return inOneTransaction(List.of(graphSchema.deleteNodes())).then(push());
  }

  /** Runs schema commands in one transaction, or each on its own where the dialect must. */
  private Mono<Void> schemaCommands(List<String> commands) {
    return commands.isEmpty() ? Mono.empty()
        : graphSchema.inOneTransaction() ? inOneTransaction(commands)
        : Flux.fromIterable(commands).concatMap(this::autoCommit).then();
  }

  /** Runs {@code command} as an auto-commit query (no explicit transaction) in a session. */
  private Mono<Void> autoCommit(String command) {
    return Flux.usingWhen(
            Mono.fromSupplier(() -> driver.session(ReactiveSession.class, sessionConfig)),
            session -> Flux.from(session.run(command)).concatMap(r -> Mono.from(r.consume())),
            session -> Mono.from(session.close()))
        .onErrorMap(context.errors()::translate)
        .then();
  }

  /** Runs {@code commands} in order in one transaction of a session of their own. */
  private Mono<Void> inOneTransaction(List<String> commands) {
    return Flux.usingWhen(
            Mono.fromSupplier(() -> driver.session(ReactiveSession.class, sessionConfig)),
            session -> Flux.usingWhen(session.beginTransaction(),
                tx -> Flux.fromIterable(commands).concatMap(command -> Flux.from(tx.run(command))
                    .concatMap(result -> Mono.from(result.consume()))),
                tx -> tx.commit(),
                (tx, error) -> tx.rollback(),
                tx -> tx.rollback()),
            session -> Mono.from(session.close()),
            (session, error) -> Mono.from(session.close()),
            session -> Mono.from(session.close()))
        .onErrorMap(context.errors()::translate)
        .then();
  }

  /**
   * Sessions handed out and not yet closed; at most {@code poolMaxSize} are given to the engine
   * at once, as many as the Neo4j driver's pool holds Bolt connections.
   */
  @Override
  public Optional<PoolState> poolState() {
    int inUse = acquired.get();
    return Optional.of(new PoolState(poolMaxSize, inUse, 0, inUse, 0));
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      closed = true;
      return ownsDriver ? Mono.fromCompletionStage(driver::closeAsync).then() : Mono.empty();
    });
  }

  /** Builds a {@link Neo4jDriver}. */
  public static final class Builder {
    private org.neo4j.driver.@Nullable Driver driver;
    private boolean ownsDriver;
    private @Nullable Schema schema;
    private String labelPrefix = "";
    private @Nullable String database;
    private int poolMaxSize = 100;
    private @Nullable Duration statementTimeout;
    private CypherDialect dialect = CypherDialect.NEO4J;

    private Builder() {}

    /**
     * The server's Cypher: {@link CypherDialect#NEO4J} (the default) or
     * {@link CypherDialect#MEMGRAPH} (what a {@code memgraph://} URL selects).
     */
    public Builder dialect(CypherDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** The Neo4j driver to run on; {@code owned}: closing this driver closes it. */
    public Builder driver(org.neo4j.driver.Driver driver, boolean owned) {
      this.driver = Objects.requireNonNull(driver, "driver");
      this.ownsDriver = owned;
      return this;
    }

    /** The models and tables served. */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** A prefix of every label, constraint and index name ({@code ""} for none). */
    public Builder labelPrefix(String prefix) {
      this.labelPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** The database (Neo4j's multi-database name); the server's default if not set. */
    public Builder database(@Nullable String database) {
      this.database = database;
      return this;
    }

    /** The most sessions the engine holds at once: the Neo4j driver's pool size. */
    public Builder poolMaxSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolMaxSize must be at least 1, was " + size);
      }
      this.poolMaxSize = size;
      return this;
    }

    /** How long a transaction may run before the server stops it; null for no limit. */
    public Builder statementTimeout(@Nullable Duration timeout) {
      this.statementTimeout = timeout;
      return this;
    }

    public Neo4jDriver build() {
      return new Neo4jDriver(this);
    }
  }
}
