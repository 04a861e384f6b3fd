package io.toasty.tck;

import io.toasty.Feature;
import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.driver.Driver;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A database the TCK runs every scenario against: its name (shown in test names as {@code [h2]}),
 * what it can do, and how to open an isolated {@link Db} on it.
 *
 * <p>A driver author adds a backend by implementing this interface (or calling
 * {@link #ofUrl}) and listing it in a {@link BackendSource}.
 *
 * <pre>{@code
 * Backend h2 = Backend.ofUrl("h2", Capability.H2, ChronoUnit.MICROS,
 *     database -> "r2dbc:h2:mem:///" + database);
 * }</pre>
 */
public interface Backend {

  /** The short name, as in test names ({@code h2}, {@code postgres}). */
  String name();

  /**
   * What the backend can do. The harness compares a scenario's {@link Requires} with this and,
   * where the backend lacks a need, expects the scenario to fail with
   * {@link UnsupportedFeatureException}.
   */
  Capability capability();

  /**
   * The finest fraction of a second the backend stores for {@code Instant}, {@code LocalTime},
   * {@code LocalDateTime} and {@code OffsetDateTime}; finer parts are truncated.
   */
  ChronoUnit timePrecision();

  /**
   * Opens a {@link Db} on a database of its own: no other open {@code Db} sees its tables. The
   * request's driver decorator must be installed ({@code Toasty.builder().wrapDriver(..)}).
   */
  Db open(Request request);

  /** Frees what {@link #open} allocated for {@code database}, after its {@code Db} is closed. */
  default Mono<Void> dispose(String database) {
    return Mono.empty();
  }

  /**
   * Gives a fresh database {@code db} (opened on {@code database}) its models' schema, empty:
   * a schema reset, unless the backend handed it one it had already (see {@link #recycle}).
   */
  default Mono<Void> prepare(Db db, String database) {
    return db.schema().reset();
  }

  /**
   * Frees {@code database}, whose schema a run left as its models made it (no schema change, no
   * raw statement, no driver handed out; rows of writes left unanswered may still land), after
   * its {@code Db} is closed. A backend whose schema changes are costly may keep that schema,
   * emptied, for a later fresh database of the same models ({@link #prepare}, which empties it
   * again); by default it is disposed.
   */
  default Mono<Void> recycle(String database) {
    return dispose(database);
  }

  /**
   * Whether the harness may keep a database for the next run of the same test class and
   * {@link #empty} it instead of dropping it and resetting a fresh one's schema. A backend that
   * answers true allocates nothing per {@link #open} but the database: the harness then calls
   * {@code open} again with a kept database's name (it must open a {@code Db} on that database
   * as it is, tables and all), and {@link #dispose} once, when it drops the database. False by
   * default: every run gets a fresh database.
   */
  default boolean empties() {
    return false;
  }

  /**
   * Deletes every row (item, node) of every table {@code database} holds, and restarts their
   * identity counters, so that the database is as a schema reset left it: a run on it sees empty
   * tables and generated keys as on new ones. Called between two runs, with no {@code Db} open on
   * it. Only where {@link #empties}; an error makes the harness drop the database and open a
   * fresh one.
   */
  default Mono<Void> empty(String database) {
    return Mono.error(new UnsupportedOperationException(name() + " does not empty databases"));
  }

  /**
   * The URL of a streaming read replica of the database opened for {@code database}, on a
   * server of its own; empty (the default) where the backend has none here, and the replica
   * scenarios read the primary's database through a second {@code Db} (single node).
   */
  default Optional<String> replicaUrl(String database) {
    return Optional.empty();
  }

  /**
   * Runs SQL text on the database opened for {@code database}, outside the library: for scenarios
   * that need what models cannot declare (a foreign key, a constraint the model does not know).
   * Write identifiers with {@link #quoteIdentifier}. A backend without SQL answers with an
   * {@link UnsupportedFeatureException}, which such scenarios (marked
   * {@code @Requires(Need.SQL)}) expect there.
   */
  default Mono<Void> executeSql(String database, String sql) {
    return Mono.error(new UnsupportedFeatureException(Feature.SQL,
        name(), "raw SQL: the backend runs no SQL text"));
  }

  /**
   * Runs a script's {@code statements} in order as {@link #executeSql} runs one; a backend whose
   * connections each see their own session state (SQLite's PRAGMAs and transactions) runs them
   * on one connection.
   */
  default Mono<Void> executeScript(String database, List<String> statements) {
    return Flux.fromIterable(statements)
        .concatMap(sql -> executeSql(database, sql)).then();
  }

  /**
   * How many connections the database server has open to {@code database} now, as the server
   * itself counts them (its process list), or empty where the database lives in this JVM and
   * there is no server to ask. Load scenarios compare it with the pool's count.
   */
  default Mono<Integer> serverConnections(String database) {
    return Mono.empty();
  }

  /**
   * How many statements whose text starts with {@code prefix} the database opened for
   * {@code database} is running now, as its process list shows them (PostgreSQL's
   * {@code pg_stat_activity}, MariaDB's {@code information_schema.processlist}, H2's
   * {@code INFORMATION_SCHEMA.SESSIONS}), or empty where the backend has no process list to ask.
   * Timeout scenarios use it to see a stopped statement gone from the server.
   */
  default Mono<Long> runningStatements(String database, String prefix) {
    return Mono.empty();
  }

  /**
   * Whether {@link #killSessions} ends sessions here: the backend is a server whose sessions can
   * be ended from outside. Scenarios that need it declare {@code @Requires(Need.SERVER_SESSIONS)}.
   */
  default boolean killsSessions() {
    return false;
  }

  /**
   * Ends, from outside and as an operator would ({@code pg_terminate_backend}, {@code KILL}),
   * the server sessions now open to {@code database} that are {@code which}, and answers how
   * many it ended. The library is not told: its connections find out on their next read. A
   * backend without server sessions answers with an {@link UnsupportedFeatureException}
   * naming {@link Feature#SERVER_SESSIONS}, sending nothing.
   */
  default Mono<Integer> killSessions(String database, Sessions which) {
    return Mono.error(new UnsupportedFeatureException(
        Feature.SERVER_SESSIONS, name(),
        "killing sessions: the backend has no server sessions to end from outside"));
  }

  /**
   * SQL text whose one row and column is the current session's id on the server, the id
   * {@link #killSession} takes ({@code SELECT pg_backend_pid()}); empty where the backend has no
   * server sessions. Read inside a transaction, it names the transaction's session.
   */
  default Optional<String> sessionIdQuery() {
    return Optional.empty();
  }

  /**
   * Ends, from outside, the one server session {@code id} (read with {@link #sessionIdQuery}) of
   * {@code database}; answers 1 if it ended it, 0 if it was gone already. Refused as
   * {@link #killSessions} is where the backend has no server sessions; a backend whose
   * {@link #killsSessions} is true implements the three.
   */
  default Mono<Integer> killSession(String database, long id) {
    return Mono.error(new UnsupportedFeatureException(
        Feature.SERVER_SESSIONS, name(),
        "killing a session: the backend has no server sessions to end from outside"));
  }

  /**
   * Makes the COMMIT of a later transaction that inserts into {@code table} of {@code database}
   * wait while {@link #holdingCommits} runs: on PostgreSQL a deferred constraint trigger that
   * takes a shared advisory lock at COMMIT; nothing to prepare on MariaDB. Call it before the
   * transaction writes. Refused as {@link #killSessions} is where the backend has no server
   * sessions.
   */
  default Mono<Void> gateCommits(String database, String table) {
    return Mono.error(new UnsupportedFeatureException(
        Feature.SERVER_SESSIONS, name(),
        "holding a COMMIT on the server: the backend has no server sessions"));
  }

  /**
   * Runs {@code during} while the server holds back COMMIT (PostgreSQL: of the transactions
   * {@link #gateCommits} gated, by the advisory lock; MariaDB: of every transaction, by
   * {@code BACKUP STAGE BLOCK_COMMIT}, so keep {@code during} short), and lets the commits go on
   * after it, on success, error or cancel. A COMMIT held so shows as a running statement
   * ({@link #runningStatements}). Refused as {@link #killSessions} is where the backend has no
   * server sessions.
   */
  default <T> Mono<T> holdingCommits(String database, Mono<T> during) {
    return Mono.error(new UnsupportedFeatureException(
        Feature.SERVER_SESSIONS, name(),
        "holding a COMMIT on the server: the backend has no server sessions"));
  }

  /**
   * How many sessions of {@code database} are inside a transaction while no statement runs on
   * them (PostgreSQL's {@code idle in transaction}; MariaDB's InnoDB transactions of sleeping
   * sessions; H2's sessions holding uncommitted changes), or empty where the backend has no
   * sessions to ask (its transactions cannot outlive the request that made them).
   */
  default Mono<Integer> idleInTransaction(String database) {
    return Mono.empty();
  }

  /**
   * The sessions {@link #idleInTransaction} counts, one line each as the server describes them
   * (its state, when its transaction began, its last statement where the server keeps it), for
   * a failure's message: what left a transaction open is then read from the report of the run
   * that saw it. Empty where the backend has no sessions to ask.
   */
  default Mono<String> idleInTransactionDetail(String database) {
    return Mono.empty();
  }

  /** {@code identifier} quoted for this backend's SQL (ANSI double quotes unless it differs). */
  default String quoteIdentifier(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * What a scenario asks of {@link #open}.
   *
   * @param models        the models the {@code Db} serves
   * @param database      a name no other open database has (letters, digits and underscores)
   * @param poolMaxSize   the most pooled connections
   * @param planCacheSize the most cached plans
   * @param wrapDriver    the decorator to install around the backend's driver
   * @param settings      further settings of the {@code Db} (its clock), applied by {@link
   *                      #configure} to the builder before {@code build()}
   */
  record Request(List<ModelDef<?>> models, String database, int poolMaxSize, int planCacheSize,
      UnaryOperator<Driver> wrapDriver, UnaryOperator<DbBuilder> settings) {
    public Request {
      models = List.copyOf(models);
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(wrapDriver, "wrapDriver");
      Objects.requireNonNull(settings, "settings");
    }

    /** A request with no further settings. */
    public Request(List<ModelDef<?>> models, String database, int poolMaxSize,
        int planCacheSize, UnaryOperator<Driver> wrapDriver) {
      this(models, database, poolMaxSize, planCacheSize, wrapDriver, UnaryOperator.identity());
    }

    /** {@code builder} with the request's {@code settings} applied. */
    public DbBuilder configure(DbBuilder builder) {
      return Objects.requireNonNull(settings.apply(builder), "settings returned null");
    }

    /**
     * A {@code Db} on {@code url} with the request's models, pool and plan cache sizes, driver
     * decorator and settings: {@link Backend#open} for a backend opened by URL.
     */
    public Db openUrl(String url) {
      return configure(Toasty.builder()
          .models(models.toArray(ModelDef<?>[]::new))
          .url(url)
          .poolMaxSize(poolMaxSize)
          .planCacheSize(planCacheSize)
          .wrapDriver(wrapDriver))
          .build();
    }
  }

  /**
   * A backend opened through {@code Toasty.builder().url(..)}, with the URL made from the
   * database's name ({@code database -> "r2dbc:h2:mem:///" + database}).
   */
  static Backend ofUrl(String name, Capability capability, ChronoUnit timePrecision,
      Function<String, String> url) {
    return ofUrl(name, capability, timePrecision, url, null);
  }

  /**
   * {@link #ofUrl(String, Capability, ChronoUnit, Function)} with a process list: {@code
   * runningQuery} makes, from a statement prefix, SQL text whose one row and column counts the
   * statements running with that prefix ({@link #runningStatements}); null for none.
   */
  static Backend ofUrl(String name, Capability capability, ChronoUnit timePrecision,
      Function<String, String> url, Function<String, String> runningQuery) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(timePrecision, "timePrecision");
    Objects.requireNonNull(url, "url");
    return new Backend() {
      @Override public String name() {
        return name;
      }

      @Override public Capability capability() {
        return capability;
      }

      @Override public ChronoUnit timePrecision() {
        return timePrecision;
      }

      @Override public Db open(Request request) {
        return request.openUrl(url.apply(request.database()));
      }

      @Override public Mono<Void> executeSql(String database, String sql) {
        return RawSql.execute(url.apply(database), sql);
      }

      @Override public Mono<Long> runningStatements(String database, String prefix) {
        return runningQuery == null ? Mono.empty()
            : RawSql.count(url.apply(database), runningQuery.apply(prefix));
      }

      @Override public String toString() {
        return name;
      }
    };
  }
}
