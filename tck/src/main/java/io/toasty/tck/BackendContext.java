package io.toasty.tck;

import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;

/**
 * One scenario run on one backend: its {@code Db} and {@link OperationLog}, and any further
 * databases the scenario opens. The harness closes them all when the scenario ends.
 */
public final class BackendContext {
  /** The pool size of a scenario's {@code Db} unless {@link DbOptions} says otherwise. */
  public static final int DEFAULT_POOL_SIZE = 4;
  /** The plan cache size of a scenario's {@code Db} unless {@link DbOptions} says otherwise. */
  public static final int DEFAULT_PLAN_CACHE_SIZE = 256;
  /**
   * How long the harness waits for setup and cleanup: 30 s, or {@code -Dtoasty.tck.setupSeconds}
   * (the neo4j-compat profile's server in a JVM of its own creates schema more slowly).
   */
  static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("toasty.tck.setupSeconds", 30));

  private final Backend backend;
  private final List<ModelDef<?>> models;
  private final List<Opened> opened = new ArrayList<>();
  private final TckClock clock = new TckClock();
  /** What may leave the scenario's own database unlike a fresh one. */
  private final Dirt dirt = new Dirt();
  /** Where the scenario's own database goes after a clean run, or null: dropped after it. */
  private KeptDatabases keeper;
  /** Why the scenario's own database is dropped after the run whatever happens, or null. */
  private String dropReason;
  /** The scenario's own database once opened, else null. */
  private Opened own;
  /** The own database's pool and plan cache sizes, set when it is deferred, else 0. */
  private int ownPoolMaxSize;
  private int ownPlanCacheSize;

  /** A database opened for a scenario, with the log of its driver's operations. */
  public record Opened(Db db, OperationLog log, String database) {}

  /** What each database opened besides the scenario's own did to it since it was set up. */
  private final Map<Opened, Dirt> others = new IdentityHashMap<>();

  BackendContext(Backend backend, List<ModelDef<?>> models) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.models = List.copyOf(models);
  }

  /** The clock of every {@code Db} of the scenario. */
  public TckClock clock() {
    return clock;
  }

  /** The backend. */
  public Backend backend() {
    return backend;
  }

  /** The backend's capability. */
  public Capability capability() {
    return backend.capability();
  }

  /** The scenario's models. */
  public List<ModelDef<?>> models() {
    return models;
  }

  /**
   * Opens another isolated database with the scenario's models, its schema created and its log
   * cleared; the harness closes it after the scenario.
   */
  public synchronized Opened open(int poolMaxSize, int planCacheSize) {
    return open(models, poolMaxSize, planCacheSize);
  }

  /**
   * {@link #open(int, int)} with further {@code settings} of its {@code Db} (an acquire timeout
   * of its own, say).
   */
  public Opened open(int poolMaxSize, int planCacheSize, UnaryOperator<DbBuilder> settings) {
    return open(models, poolMaxSize, planCacheSize, settings);
  }

  /**
   * Opens another isolated database with other models than the scenario's (default pool and plan
   * cache sizes), its schema created and its log cleared; the harness closes it after the
   * scenario, also when creating the schema fails (which this method then throws).
   */
  public Opened open(List<ModelDef<?>> models) {
    return open(models, DEFAULT_POOL_SIZE, DEFAULT_PLAN_CACHE_SIZE);
  }

  /**
   * Opens another isolated database with the scenario's models (default pool and plan cache
   * sizes) and further {@code settings} of its {@code Db}; as {@link #open(int, int)}.
   */
  public Opened open(UnaryOperator<DbBuilder> settings) {
    return open(models, DEFAULT_POOL_SIZE, DEFAULT_PLAN_CACHE_SIZE, settings);
  }

  private Opened open(List<ModelDef<?>> models, int poolMaxSize, int planCacheSize) {
    return open(models, poolMaxSize, planCacheSize, UnaryOperator.identity());
  }

  private synchronized Opened open(List<ModelDef<?>> models, int poolMaxSize,
      int planCacheSize, UnaryOperator<DbBuilder> settings) {
    if (own != null) {
      // conservative: the scenario works with more than its own database
      dirt.mark("another database opened");
    }
    Dirt dirt = new Dirt();
    Opened o = open(models, freshName(), poolMaxSize, planCacheSize, settings, dirt, true);
    dirt.watch();
    others.put(o, dirt);
    return o;
  }

  /**
   * Opens the scenario's own database: one {@code keeper} kept from an earlier run of the test
   * class, emptied, where the backend {@link Backend#empties} and there is one, else a fresh
   * one. With a {@code keeper}, a clean run gives the database back to it after; {@code
   * dropReason}, if not null, says why this run's database is fresh and dropped after anyway.
   */
  synchronized Opened openOwn(int poolMaxSize, int planCacheSize, KeptDatabases keeper,
      String dropReason) {
    this.dropReason = dropReason;
    this.keeper = backend.empties() ? keeper : null;
    KeptDatabases.Key key = key();
    String kept = this.keeper == null || dropReason != null ? null
        : this.keeper.take(key, backend::empty);
    boolean others = !opened.isEmpty();
    own = kept != null
        ? open(models, kept, poolMaxSize, planCacheSize, UnaryOperator.identity(), dirt, false)
        : open(models, freshName(), poolMaxSize, planCacheSize, UnaryOperator.identity(), dirt,
            true);
    DatabaseTally.opened(backend.name(), kept != null);
    dirt.watch();
    if (others) {
      // opened after other databases of the scenario (deferred): as conservative as above
      dirt.mark("another database opened");
    }
    return own;
  }

  /**
   * Defers the scenario's own database ({@link #openOwn}) until the scenario first asks for it
   * ({@link #database}, {@link #executeSql}): a scenario that only opens databases of its own
   * with {@link #open} then costs no emptying, schema reset or drop of one it never uses (the
   * concurrency and fault families, on every backend).
   */
  synchronized void deferOwn(int poolMaxSize, int planCacheSize, KeptDatabases keeper,
      String dropReason) {
    this.ownPoolMaxSize = poolMaxSize;
    this.ownPlanCacheSize = planCacheSize;
    this.keeper = keeper;
    this.dropReason = dropReason;
  }

  /** The scenario's own database, opened now if it was deferred ({@link #deferOwn}). */
  synchronized Opened own() {
    if (own == null) {
      if (ownPoolMaxSize == 0) {
        throw new IllegalStateException("no database is open yet");
      }
      openOwn(ownPoolMaxSize, ownPlanCacheSize, keeper, dropReason);
    }
    return own;
  }

  /** The scenario's own database if it was opened, else null. */
  synchronized Opened ownIfOpened() {
    return own;
  }

  private Opened open(List<ModelDef<?>> models, String database, int poolMaxSize,
      int planCacheSize, UnaryOperator<DbBuilder> settings, Dirt watch, boolean reset) {
    OperationLog log = new OperationLog();
    Db db = backend.open(new Backend.Request(models, database, poolMaxSize, planCacheSize,
        driver -> new RecordingDriver(driver, log, watch), b -> settings.apply(b.clock(clock))));
    Opened o = new Opened(db, log, database);
    opened.add(o);
    if (reset) {
      backend.prepare(db, database).block(TIMEOUT);
    }
    log.clear();
    return o;
  }

  private static String freshName() {
    return "tck_" + UUID.randomUUID().toString().replace("-", "");
  }

  private KeptDatabases.Key key() {
    return new KeptDatabases.Key(backend, models);
  }

  /** The name of the scenario's own database, as {@link Backend}'s methods take it. */
  public synchronized String database() {
    return own().database();
  }

  /**
   * Another {@code Db} on the scenario's own database, as it is (no schema reset), with a pool
   * and operation log of its own and further {@code settings}: two nodes reading one database,
   * such as a primary and its read replica on a backend without streaming replicas
   * ({@code ReplicaRoutingScenarios}). The harness closes it after the scenario.
   */
  public synchronized Opened reopen(UnaryOperator<DbBuilder> settings) {
    Opened o = open(models, database(), DEFAULT_POOL_SIZE, DEFAULT_PLAN_CACHE_SIZE, settings,
        dirt, false);
    // the scenario's own database, written through a Db the harness did not set up
    dirt.mark("reopened");
    return o;
  }

  /** {@link #open(int, int)} with the default pool and plan cache sizes. */
  public Opened open() {
    return open(DEFAULT_POOL_SIZE, DEFAULT_PLAN_CACHE_SIZE);
  }

  /**
   * Runs SQL text on the scenario's own database, outside the library (see
   * {@link Backend#executeSql}); waits for it.
   */
  public void executeSql(String sql) {
    String database = database();
    // the harness cannot tell what the text does to the database: it is not kept
    dirt.mark("executeSql");
    backend.executeSql(database, sql).block(TIMEOUT);
  }

  /**
   * Runs a script's statements in order on the scenario's own database (see {@link #executeSql}),
   * on one connection where the backend's session state needs it.
   */
  public void executeScript(List<String> statements) {
    String database = database();
    dirt.mark("executeSql");
    backend.executeScript(database, statements).block(TIMEOUT);
  }

  /**
   * How many statements starting with {@code prefix} the scenario's database runs now, by the
   * server's process list; empty where the backend has none (see
   * {@link Backend#runningStatements}).
   */
  public Optional<Long> runningStatements(String prefix) {
    return backend.runningStatements(database(), prefix).blockOptional(TIMEOUT);
  }

  /**
   * {@link #runningStatements}, asked again every 20 ms while statements with {@code prefix} still
   * run, for up to the harness's setup bound: the count once a statement the scenario stopped has
   * left the server's process list. A server answers the stopped statement's error before its
   * process list shows the session idle (PostgreSQL sends the ErrorResponse, then marks the
   * session idle before ReadyForQuery), so a count taken the moment the error arrives may still
   * see it; a statement that was not stopped stays, and the last count says so.
   */
  public Optional<Long> runningStatementsOnceStopped(String prefix) {
    Optional<Long> now = runningStatements(prefix);
    if (now.isEmpty() || now.get() == 0) {
      return now;
    }
    return Flux.interval(Duration.ofMillis(20))
        .concatMap(tick -> backend.runningStatements(database(), prefix))
        .takeUntil(n -> n == 0)
        .take(TIMEOUT)
        .last(now.get())
        .blockOptional(TIMEOUT.plusSeconds(5));
  }

  /** {@code identifier} quoted for the backend's SQL. */
  public String quote(String identifier) {
    return backend.quoteIdentifier(identifier);
  }

  /**
   * Closes every database opened, newest first, and drops them, but for the scenario's own when
   * it can be kept: the run was clean ({@code failure} is null, and nothing made its database
   * dirty); the first error is thrown after all closed.
   */
  synchronized void closeAll(String failure) {
    RuntimeException first = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      Opened o = opened.get(i);
      try {
        o.db().close().block(TIMEOUT);
        Dirt its = o == own ? dirt : others.get(o);
        if (o == own && kept(o.database(), failure)) {
          continue;
        }
        if (failure == null && its != null && its.schemaIntact()) {
          backend.recycle(o.database()).block(TIMEOUT);
        } else {
          backend.dispose(o.database()).block(TIMEOUT);
        }
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    opened.clear();
    others.clear();
    own = null;
    if (first != null) {
      throw first;
    }
  }

  /** Gives the scenario's own database back to the keeper if the run left it clean. */
  private boolean kept(String database, String failure) {
    if (keeper == null) {
      return false;
    }
    List<String> reasons = new ArrayList<>(dirt.reasons());
    if (dropReason != null) {
      reasons.add(dropReason);
    }
    if (failure != null) {
      reasons.add(failure);
    }
    if (!reasons.isEmpty()) {
      DatabaseTally.dropped(backend.name(), reasons);
      return false;
    }
    keeper.keep(key(), database);
    return true;
  }
}
