package io.toasty.reactive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.CursorKey;
import io.toasty.ModelDef;
import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.planner.Planner;
import io.toasty.reactive.hook.Hook;
import io.toasty.reactive.hook.ModelHook;
import io.toasty.reactive.internal.driver.DriverLookup;
import io.toasty.reactive.internal.driver.NamedOpening;
import io.toasty.reactive.internal.hook.HookTable;
import io.toasty.reactive.internal.route.RouterOptions;
import io.toasty.reactive.json.JacksonCodec;
import io.toasty.reactive.json.JsonCodecs;
import io.toasty.reactive.json.JsonDocuments;
import io.toasty.reactive.observe.Observers;
import io.toasty.reactive.observe.PoolMetrics;
import io.toasty.reactive.observe.ReplicaRouteMetrics;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.reactive.observe.StatementTimers;
import io.toasty.reactive.observe.TransactionMetrics;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import io.toasty.stmt.ReadConsistency;
import io.toasty.value.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Configures and builds a {@link Db}: its models, its database URL (the driver is found with
 * {@code ServiceLoader<DriverProvider>}), pool settings and the plan cache size. Nothing connects
 * until the first statement runs.
 */
public final class DbBuilder {
  /** The default of {@link #changeBuffer}: a few hundred kilobytes of keys per stream. */
  public static final int DEFAULT_CHANGE_BUFFER = 4096;
  private final List<ModelDef<?>> models = new ArrayList<>();
  private @Nullable String url;
  private int poolMaxSize = 10;
  private Duration acquireTimeout = Duration.ofSeconds(30);
  private Duration maxIdleTime = Duration.ofMinutes(30);
  private @Nullable String validationQuery;
  private boolean validateOnAcquire = true;
  private boolean retryLostReads = true;
  private long planCacheSize = 1024;
  private UnaryOperator<Driver> wrapDriver = UnaryOperator.identity();
  private @Nullable Function<DriverConfig, Driver> driverFactory;
  private @Nullable ConnectionBinding connectionBinding;
  private @Nullable StatementObserver observer;
  private boolean logValues;
  private RetryPolicy retry = RetryPolicy.none();
  private RetryPolicy transactionRetry = RetryPolicy.none();
  /** A Micrometer {@code MeterRegistry}, typed Object so that Micrometer stays optional. */
  private @Nullable Object meterRegistry;
  private @Nullable Duration statementTimeout;
  private @Nullable Duration transactionTimeout;
  private @Nullable CursorKey cursorKey;
  private Clock clock = Clock.systemUTC();
  private ReadConsistency reads = ReadConsistency.DEFAULT;
  private boolean coalesceGets = true;
  private int changeBuffer = DEFAULT_CHANGE_BUFFER;
  /** The application's strategy; null: the backend's ({@code Capability.naming}). */
  private @Nullable NamingStrategy naming;
  private boolean coalesceLists = true;
  private boolean coalesceUpdates = true;
  private boolean mergeBatchUpdates = true;
  private boolean pipelineReads = true;
  private boolean databaseTime;
  private @Nullable JsonCodec jsonCodec;
  private final List<ModelHook<?>> hooks = new ArrayList<>();
  /** The read replicas: a URL (String) or a built {@code Db} each, in the order added. */
  private final List<Object> replicas = new ArrayList<>();
  private ReplicaPolicy replicaPolicy = ReplicaPolicy.defaults();

  DbBuilder() {}

  /** Adds models (the generated {@code Users.MODEL}, ...). */
  public DbBuilder models(ModelDef<?>... models) {
    for (ModelDef<?> m : models) {
      this.models.add(Objects.requireNonNull(m, "model"));
    }
    return this;
  }

  /** Adds models. */
  public DbBuilder models(Collection<? extends ModelDef<?>> models) {
    models.forEach(m -> this.models.add(Objects.requireNonNull(m, "model")));
    return this;
  }

  /** The database URL, such as {@code r2dbc:h2:mem:///app}. */
  public DbBuilder url(String url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * The most pooled connections (default 10). A transaction holds one connection from its BEGIN
   * to its COMMIT or ROLLBACK.
   */
  public DbBuilder poolMaxSize(int poolMaxSize) {
    if (poolMaxSize < 1) {
      throw new IllegalArgumentException("poolMaxSize must be at least 1, was " + poolMaxSize);
    }
    this.poolMaxSize = poolMaxSize;
    return this;
  }

  /**
   * How long to wait for a pooled connection (default 30 s); a statement or transaction that
   * waits longer fails with the driver's error.
   */
  public DbBuilder acquireTimeout(Duration acquireTimeout) {
    this.acquireTimeout = Objects.requireNonNull(acquireTimeout, "acquireTimeout");
    return this;
  }

  /** How long an idle pooled connection is kept (default 30 min). */
  public DbBuilder maxIdleTime(Duration maxIdleTime) {
    this.maxIdleTime = Objects.requireNonNull(maxIdleTime, "maxIdleTime");
    return this;
  }

  /**
   * A query that checks a pooled connection before use, e.g. {@code SELECT 1} (default none: see
   * {@link #validateOnAcquire}, which checks with the driver's own round trip).
   */
  public DbBuilder validationQuery(String validationQuery) {
    this.validationQuery = validationQuery;
    return this;
  }

  /**
   * Whether a pooled connection to a database server that sat idle in the pool longer than a
   * short bound (500 ms) is checked with a round trip before it is handed out (default true:
   * PostgreSQL's {@code SELECT 1}, MariaDB's ping), so that a session the server ended while it
   * sat there (a restart, a failover, an operator's kill) is dropped and another taken instead of
   * failing the statement. A connection lent again sooner, and every connection when this is
   * {@code false}, is checked by a look at its socket only; a statement that then finds it lost
   * is run again on another connection ({@link #retryLostReads}). An embedded database (H2 in
   * memory, SQLite) has no session to lose and is never checked remotely.
   */
  public DbBuilder validateOnAcquire(boolean validateOnAcquire) {
    this.validateOnAcquire = validateOnAcquire;
    return this;
  }

  /** The most compiled plans kept (default 1024; 0 disables caching). */
  public DbBuilder planCacheSize(long planCacheSize) {
    if (planCacheSize < 0) {
      throw new IllegalArgumentException("planCacheSize must not be negative, was "
          + planCacheSize);
    }
    this.planCacheSize = planCacheSize;
    return this;
  }

  /** A decorator applied to the driver, such as the TCK's recording driver. */
  public DbBuilder wrapDriver(UnaryOperator<Driver> wrapDriver) {
    this.wrapDriver = Objects.requireNonNull(wrapDriver, "wrapDriver");
    return this;
  }

  /**
   * Makes the driver with this function instead of looking up a {@code DriverProvider}. Where no
   * {@link #naming} was chosen and the driver's backend names tables otherwise than the models
   * derive them ({@code Capability.naming}), the function is called a second time, with the
   * schema so named, and the first driver, unused, is closed.
   */
  public DbBuilder driverFactory(Function<DriverConfig, Driver> driverFactory) {
    this.driverFactory = Objects.requireNonNull(driverFactory, "driverFactory");
    return this;
  }

  /**
   * Adds a read replica of the database at {@code url} (the primary): reads outside a
   * transaction and read-only transactions go to a usable replica, everything else to the
   * primary ({@link ReplicaPolicy}, docs/databases.md#read-replicas). The replica gets a pool of
   * its own, with this builder's pool settings and driver decorator; {@link Db#replicas()}
   * shows it. Call once per replica.
   *
   * <pre>{@code
   * Toasty.builder().models(Users.MODEL)
   *     .url("r2dbc:postgresql://app@primary:5432/app")
   *     .replica("r2dbc:postgresql://app@replica:5432/app")
   *     .build();
   * }</pre>
   */
  public DbBuilder replica(String url) {
    replicas.add(Objects.requireNonNull(url, "url"));
    return this;
  }

  /**
   * Adds {@code replica}, a {@code Db} built on a replica with the same models (and no replicas
   * of its own), as a read replica: for a replica whose driver is made by a factory. The
   * {@code Db} built here closes it. See {@link #replica(String)}.
   */
  public DbBuilder replica(Db replica) {
    replicas.add(Objects.requireNonNull(replica, "replica"));
    return this;
  }

  /**
   * How reads choose between the replicas and the primary; default
   * {@link ReplicaPolicy#defaults()}.
   */
  public DbBuilder replicaPolicy(ReplicaPolicy policy) {
    this.replicaPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Where to look for a connection an outer transaction manager bound to the subscriber's
   * Context (Spring's, through the Spring Boot starter); statements found there run in that
   * transaction. See {@link ConnectionBinding}. Default: none.
   */
  public DbBuilder connectionBinding(ConnectionBinding connectionBinding) {
    this.connectionBinding = Objects.requireNonNull(connectionBinding, "connectionBinding");
    return this;
  }

  /**
   * Watches every statement (default none): for example
   * {@code new MicrometerObserver(observationRegistry)}, one Micrometer {@code Observation} per
   * statement, or {@code new LoggingObserver(slowThreshold)}, a log line per statement. Each call
   * adds one; all see every statement.
   */
  public DbBuilder observer(StatementObserver observer) {
    Objects.requireNonNull(observer, "observer");
    this.observer = this.observer == null ? observer : Observers.both(this.observer, observer);
    return this;
  }

  /**
   * Micrometer meters for this {@code Db} in {@code registry} (Micrometer must be on the class
   * path): a {@code toasty.statement} timer per model, operation and outcome
   * ({@link StatementTimers}), with no {@code ObservationRegistry}
   * needed, the pool's gauges ({@link PoolMetrics}) and the
   * transactions' statistics ({@link TransactionMetrics}), and with read replicas a counter per
   * route ({@link ReplicaRouteMetrics}). Given a
   * {@link io.toasty.reactive.observe.MicrometerObserver} as well, the statements are timed by its
   * observations instead (a {@code DefaultMeterObservationHandler} turns them into timers).
   */
  public DbBuilder meterRegistry(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Whether observers see each statement's values (default false): with true,
   * {@link io.toasty.reactive.observe.StatementInfo#values()} offers them by slot and
   * {@link io.toasty.reactive.observe.LoggingObserver}'s lines show them
   * ({@code select User where email = $0 [$0 = "ann@example.com"]}). A value of a
   * {@code @Sensitive} or {@code Secret<T>} field is still shown as {@code ***}. For
   * debugging: values in logs may be personal data.
   */
  public DbBuilder logValues(boolean logValues) {
    this.logValues = logValues;
    return this;
  }

  /**
   * How long one statement may run (default: no limit). The database itself stops a statement
   * at the limit (PostgreSQL's {@code statement_timeout}, MariaDB's {@code max_statement_time},
   * H2's {@code QUERY_TIMEOUT} and {@code LOCK_TIMEOUT}, SQLite's interrupt; DynamoDB abandons
   * the request), and it fails with {@code QueryTimeoutException}; {@link Db#timeout} sets
   * another limit for some statements. See docs/operations.md.
   */
  public DbBuilder statementTimeout(Duration statementTimeout) {
    this.statementTimeout = positive("statementTimeout", statementTimeout);
    return this;
  }

  /** {@code limit}, checked to be a positive duration. */
  static Duration positive(String what, Duration limit) {
    Objects.requireNonNull(limit, what);
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + limit);
    }
    return limit;
  }

  /**
   * How long a transaction ({@code db.transaction(..)}) may take from its start (default: no
   * limit); {@link TxOptions#timeout} sets another for one transaction. At the limit the
   * statement still running is stopped by the database, and the transaction fails with
   * {@code QueryTimeoutException} and is rolled back.
   */
  public DbBuilder transactionTimeout(Duration transactionTimeout) {
    this.transactionTimeout = positive("transactionTimeout", transactionTimeout);
    return this;
  }

  /**
   * Whether a statement outside a transaction whose connection was lost before it emitted
   * anything is run again at once, on another connection, up to the pool's size plus one times
   * in all, when no {@link #retry} policy is set (default: true). A read changes nothing, so this
   * is safe; a write is run again only when the driver knows none of it was sent
   * ({@code ConnectionLostException.nothingSent()}). It covers pooled sessions the server ended
   * a moment before they were lent, which a look at the socket cannot yet see
   * ({@link #validateOnAcquire}). A statement inside a transaction is never run again by it.
   * With a retry policy, the policy decides instead.
   */
  public DbBuilder retryLostReads(boolean retryLostReads) {
    this.retryLostReads = retryLostReads;
    return this;
  }

  /**
   * Retries of statements run outside a transaction that fail with a transient error (default:
   * none but {@link #retryLostReads}); see {@link RetryPolicy} for what is retried and what
   * never is.
   */
  public DbBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Retries of whole {@code db.transaction(..)} functions whose options set none
   * ({@link TxOptions#retry}): run again from the start on a serialization failure, a deadlock or
   * throttling, and on a lost connection or a pool timeout before any statement of the
   * transaction was sent (default: none); see {@link RetryPolicy}.
   */
  public DbBuilder transactionRetry(RetryPolicy transactionRetry) {
    this.transactionRetry = Objects.requireNonNull(transactionRetry, "transactionRetry");
    return this;
  }

  /**
   * The key that signs the {@code Db}'s pagination cursors (HMAC-SHA256). Set the same key on
   * every instance of a service so that a cursor one instance made is accepted by the others
   * and after a restart; by default each {@code Db} draws a random one.
   */
  public DbBuilder cursorKey(CursorKey cursorKey) {
    this.cursorKey = Objects.requireNonNull(cursorKey, "cursorKey");
    return this;
  }

  /**
   * The clock that {@code @CreatedAt}, {@code @UpdatedAt} and {@code now()} fields read (default:
   * the system clock in UTC), once per statement; its zone makes {@code LocalDateTime} and {@code
   * LocalDate} values. A fixed clock ({@code Clock.fixed(..)}) makes timestamps testable.
   */
  public DbBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * {@code @CreatedAt}, {@code @UpdatedAt} and {@code now()} fields take the database's time
   * ({@code CURRENT_TIMESTAMP} and its kin, at microseconds, in UTC) instead of the {@link
   * #clock}'s: one time for a fleet of services whose clocks drift. A backend without server
   * time (DynamoDB) keeps using the clock. Creates then return the rows as stored.
   */
  public DbBuilder databaseTime() {
    this.databaseTime = true;
    return this;
  }

  /**
   * The codec of {@code @Json} fields (default: Jackson with the modules on the class path, when
   * jackson-databind is there).
   */
  public DbBuilder jsonCodec(JsonCodec codec) {
    this.jsonCodec = Objects.requireNonNull(codec, "codec");
    return this;
  }

  /**
   * Every query of this {@code Db} accepts an eventually consistent read, as if each said
   * {@code .eventuallyConsistent()}: on DynamoDB a filter on every field of a unique index then
   * takes the item from the index's Query too, instead of the strongly consistent read of its
   * uniqueness item (a filter on a non-unique index reads the index by default). A record written
   * a moment ago may be missing, or seen as it was, for a moment. SQL backends read as always.
   * A query's own {@code .stronglyConsistent()} still wins.
   */
  public DbBuilder eventuallyConsistentReads() {
    this.reads = ReadConsistency.EVENTUAL;
    return this;
  }

  /**
   * Every query of this {@code Db} reads strongly consistent items, as if each said
   * {@code .stronglyConsistent()}: on DynamoDB a filter on an indexed field takes the keys from
   * the index's Query and reads each item by key (two requests, a read unit per item) instead of
   * the items from the index. SQL backends read as always. A query's own
   * {@code .eventuallyConsistent()} still wins.
   */
  public DbBuilder stronglyConsistentReads() {
    this.reads = ReadConsistency.STRONG;
    return this;
  }

  /**
   * Whether gets by key that wait for a connection at the same time are answered by one query
   * (default: true). While every connection of the pool is taken, a get by a one-field integer
   * or UUID key ({@code Users.getById(db, id)}) that finds another get of the same shape
   * waiting joins it, and when their connection comes, one {@code id IN (..)} reads the keys of
   * all of them: each request gets the record its own query would have given, the database runs
   * one statement for several, and no request waits longer than it would have alone. A pool
   * with a connection free never does it, and neither does a transaction. Turn it off to have
   * every get send its own statement whatever the load.
   */
  public DbBuilder coalesceGets(boolean enabled) {
    this.coalesceGets = enabled;
    return this;
  }

  /**
   * How the {@code Db} names the tables (labels) and columns (properties) the models did not name
   * with {@code @Table} or {@code @Column}. By default the backend's
   * ({@link io.toasty.driver.Capability#naming()}): {@link NamingStrategy#graph()} on Neo4j,
   * which names them as graph users write them (label {@code Person}, property
   * {@code clickCount}), {@link NamingStrategy#declared()} elsewhere (snake case, as the
   * processor derives them). A strategy given here wins on every backend. It decides which
   * tables and columns the {@code Db} reads and writes, pushes and migrates: keep one per
   * database (docs/models.md, "Names in the database"); to keep the snake-case labels of a
   * graph written before Neo4j's default changed, choose {@link NamingStrategy#declared()}.
   */
  public DbBuilder naming(NamingStrategy strategy) {
    this.naming = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /**
   * The most changes that wait for a slow subscriber of a change stream ({@link Db#changes}),
   * per stream (default: {@value #DEFAULT_CHANGE_BUFFER}). The database sends its changes as
   * they commit, whether or not the subscriber has asked for more; they wait in memory, as
   * keys (the records are read only when asked for). When this many wait, the stream drops the
   * next ones and puts one {@link io.toasty.Change.Kind#GAP} where they were: the subscriber
   * reloads what it holds, and the changes committed once there is room again follow. The
   * stream neither fails nor grows without bound (docs/changes.md).
   */
  public DbBuilder changeBuffer(int changes) {
    if (changes < 1) {
      throw new IllegalArgumentException("changeBuffer must be at least 1: " + changes);
    }
    this.changeBuffer = changes;
    return this;
  }

  /**
   * Whether reads of the records whose field holds one value that wait for a connection at the
   * same time are answered by one query (default: true). While every connection of the pool is
   * taken, a read filtered by exactly one integer or UUID field equal to a value, with no limit
   * ({@code Users.filter(Users.TEAM.eq(7)).orderBy(Users.NAME.asc()).stream(db)}, the posts of
   * an author), joins the waiting reads of the same shape, up to 8 values, and when their
   * connection comes one {@code team IN (..)} reads them all, in the query's order: each request
   * gets the records its own query would have given, in its order. A request's records come
   * when the batch's statement has ended; a batch that reads more than 8,192 rows gives up, each
   * of its requests then streams its own, and reads of that shape are not batched again. A pool
   * with a connection free never batches, and neither does a transaction. Turn it off to have
   * every read send its own statement whatever the load.
   */
  public DbBuilder coalesceLists(boolean enabled) {
    this.coalesceLists = enabled;
    return this;
  }

  /**
   * Whether updates by key that wait for a connection at the same time are written by one
   * statement (default: true). While every connection of the pool is taken, an update by a
   * one-field integer or UUID key that sets fields to values and returns its count
   * ({@code Users.updateById(id).score(7).exec(db)}) joins the waiting updates of the same
   * shape, and when their connection comes, one {@code UPDATE .. SET score = CASE id WHEN ..
   * END WHERE id IN (..)} writes them all, returning the keys it found: each request counts
   * what its own statement would have (1, or 0 for a key nobody stored), and the database runs
   * and commits one statement for several. The updates of a batch are written together; when
   * its statement fails, nothing of it was written and each update runs its own statement, so
   * an update a constraint refuses fails alone with its own error. An update whose value reads
   * the row ({@code n = n + 1}), sets a unique, key, JSON or collection field, or runs in a
   * transaction never joins, and neither does one on a pool with a connection free, or on a
   * backend whose updates cannot return rows (MySQL, MariaDB: no {@code UPDATE .. RETURNING} to
   * tell which keys were found). Turn it off to have every update send its own statement
   * whatever the load; a batch's updates go together by {@link #mergeBatchUpdates} still.
   */
  public DbBuilder coalesceUpdates(boolean enabled) {
    this.coalesceUpdates = enabled;
    return this;
  }

  /**
   * Whether consecutive updates by key of one shape in a {@code Toasty.batch(..)} are written by
   * one statement (default: true): {@code UPDATE .. SET f = CASE key WHEN .. END WHERE key IN
   * (..)}, returning the keys it found, so that each update counts what its own statement would
   * (1, or 0 for a key nobody stored) and twenty updates are one round trip instead of twenty.
   * The updates that go together are those {@link #coalesceUpdates} would write together, one
   * after the other in the batch, each to a key of its own; anything else, and a second update
   * of a key, runs in its turn (docs/batches.md, "Updates by key together"). Only within the
   * batch, which is the caller's own transaction: unlike {@code coalesceUpdates}, no other
   * request's statement is ever joined. Where updates cannot return rows (MySQL, MariaDB), the
   * batch's transaction first locks and reads the keys ({@code SELECT .. FOR UPDATE}) to know
   * which are stored; DynamoDB's batches are one atomic request already. Turn it off to have
   * every update of a batch send its own statement.
   */
  public DbBuilder mergeBatchUpdates(boolean enabled) {
    this.mergeBatchUpdates = enabled;
    return this;
  }

  /**
   * Whether reads by key that wait for a connection at the same time are sent together, each as
   * its own statement, where the driver pipelines (default: true). While every connection of the
   * pool is taken, a read that pins every primary key field ({@code Worlds.getById(db, id)},
   * {@code Users.filter(Users.ID.eq(5)).first()}) and is not merged into an {@code IN} list by
   * {@link #coalesceGets} joins the waiting reads of the same shape, up to 64, and when their
   * connection comes they are written at once and answered in one round trip (the Vert.x
   * transport: one {@code executeBatch}; docs/design/pipelining.md). A collected read
   * ({@code collect(db)}) of any filter goes the same way, its records held in one list anyway
   * ({@code Fortunes.all().collect(db)}, TechEmpower's fortunes). Unlike coalescing, every
   * read stays its own statement with its own values, so a service that must run one statement
   * per read (TechEmpower's rules, per-statement auditing) still gains under load. A pool with
   * a connection free never does it, neither does a transaction, nor a driver that does not
   * pipeline ({@code Driver.pipelinesReads()}: the R2DBC drivers). Turn it off to have every
   * read wait for a connection of its own whatever the load.
   */
  public DbBuilder pipelineReads(boolean enabled) {
    this.pipelineReads = enabled;
    return this;
  }

  /**
   * {@code @Json} fields written and read by {@code mapper} (its modules, naming strategy,
   * features): the same as {@code jsonCodec(new JacksonCodec(mapper))}.
   */
  public DbBuilder objectMapper(ObjectMapper mapper) {
    return jsonCodec(new JacksonCodec(mapper));
  }

  /**
   * Adds a lifecycle hook of {@code model}: run for each record its creates, updates or deletes
   * write, before or after the statement as {@code hook}'s kind says, inside the statement's
   * transaction; a model with hooks has each write run in a transaction (of its own where none is
   * bound). Hooks of one model and kind run in the order they were added. See docs/hooks.md.
   */
  public <M> DbBuilder hook(ModelDef<M> model, Hook<M> hook) {
    hooks.add(ModelHook.of(model, hook));
    return this;
  }

  /** Adds {@code hook} ({@link #hook(ModelDef, Hook)}), as the Spring Boot starters do. */
  public DbBuilder hook(ModelHook<?> hook) {
    hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * The replicas' {@code Db}s: those given built, checked; those given by URL built on this
   * builder's settings and the primary's {@code options} (one cursor key, clock and observer).
   */
  private List<Db> replicaDbs(Schema schema, Driver primary, RouterOptions options) {
    List<Db> dbs = new ArrayList<>(replicas.size());
    for (Object replica : replicas) {
      Db db;
      if (replica instanceof Db given) {
        db = given;
      } else {
        DriverConfig config = new DriverConfig((String) replica, schema, poolMaxSize,
            acquireTimeout, maxIdleTime, validationQuery, statementTimeout, validateOnAcquire);
        Driver driver = Objects.requireNonNull(wrapDriver.apply(DriverLookup.open(config)),
            "wrapDriver returned null");
        db = new Db(schema, driver, new Planner(schema, driver.capability(), planCacheSize,
            databaseTime), acquireTimeout, options, List.of(), replicaPolicy, changeBuffer);
      }
      ReplicaChecks.check(db, schema, primary.capability(), replicaPolicy);
      dbs.add(db);
    }
    return dbs;
  }

  /** The models by name (the first of a name: {@code Schema.of} refuses two anyway). */
  private Map<String, ModelDef<?>> definitions() {
    Map<String, ModelDef<?>> byName = new HashMap<>();
    models.forEach(m -> byName.putIfAbsent(m.schema().name(), m));
    return byName;
  }

  /**
   * The {@code Db}.
   *
   * @throws io.toasty.error.InvalidModelException when the models do not fit together
   * @throws IllegalStateException when no URL is set, or no driver serves the URL
   */
  public Db build() {
    if (url == null && driverFactory == null) {
      throw new IllegalStateException("no database URL: call url(\"r2dbc:h2:mem:///app\") or "
          + "driverFactory(..)");
    }
    List<ModelSchema> schemas = new ArrayList<>(models.size());
    models.forEach(m -> schemas.add(m.schema()));
    String driverUrl = url == null ? "driver-factory:" : url;
    Function<DriverConfig, Driver> open = driverFactory != null ? driverFactory
        : DriverLookup::open;
    NamedOpening opened = NamedOpening.open(schemas, naming,
        named -> new DriverConfig(driverUrl, named, poolMaxSize, acquireTimeout, maxIdleTime,
            validationQuery, statementTimeout, validateOnAcquire), open);
    Schema schema = opened.schema();
    Driver driver = opened.driver();
    driver = Objects.requireNonNull(wrapDriver.apply(driver), "wrapDriver returned null");
    StatementObserver observed = meterRegistry == null ? observer
        : StatementTimers.addTo(observer,
            (MeterRegistry) meterRegistry);
    RouterOptions options = new RouterOptions(connectionBinding, observed, retry,
        transactionRetry, cursorKey != null ? cursorKey : CursorKey.random(), clock,
        new JsonDocuments(jsonCodec != null ? jsonCodec : JsonCodecs.byDefault(), schema),
        transactionTimeout, reads, logValues, definitions(), coalesceGets,
        coalesceLists, coalesceUpdates, pipelineReads, mergeBatchUpdates, retryLostReads,
        HookTable.of(hooks));
    List<Db> replicaDbs = replicaDbs(schema, driver, options);
    ReplicaPolicy policy = meterRegistry == null || replicaDbs.isEmpty() ? replicaPolicy
        : replicaPolicy.observer(replicaPolicy.routeObserver().andThen(
            ReplicaRouteMetrics.observer((MeterRegistry) meterRegistry,
                driver.capability().backend())));
    Db db = new Db(schema, driver, new Planner(schema, driver.capability(), planCacheSize,
        databaseTime), acquireTimeout, options, replicaDbs, policy, changeBuffer);
    if (meterRegistry != null) {
      PoolMetrics.bind(db,
          (MeterRegistry) meterRegistry);
      TransactionMetrics.bind(db,
          (MeterRegistry) meterRegistry);
    }
    return db;
  }
}
