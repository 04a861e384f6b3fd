package io.toasty.reactive;

import io.toasty.Bulk;
import io.toasty.Change;
import io.toasty.CursorKey;
import io.toasty.CypherStatement;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.PartiqlStatement;
import io.toasty.SqlStatement;
import io.toasty.Statement.Snapshot;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.driver.PoolState;
import io.toasty.driver.StatementTimeout;
import io.toasty.error.InvalidModelException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.TenantScopeException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.PlanCacheStats;
import io.toasty.planner.Planner;
import io.toasty.planner.path.ExplainPath;
import io.toasty.reactive.exec.Uuids;
import io.toasty.reactive.internal.change.ChangeFollow;
import io.toasty.reactive.internal.driver.HealthProbe;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.internal.route.DbView;
import io.toasty.reactive.internal.route.Router;
import io.toasty.reactive.internal.route.RouterOptions;
import io.toasty.reactive.internal.route.SteppedPath;
import io.toasty.schema.Schema;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A database: its models, its driver and its plan cache. Runs statements without blocking:
 * {@link #exec} plans (once per statement shape), checks the values, takes a pooled connection,
 * runs the plan's actions as Reactor stages and returns the connection on completion, error or
 * cancellation. Plans that write more than once run in one transaction, rolled back on error and
 * on cancel.
 *
 * <p>Transactions: {@link #transaction(Function) transaction(tx -> ...)} (ended for you), or
 * {@link #begin()} (ended by you); see {@link Tx}. Inside {@code transaction(..)}'s function,
 * {@code exec} on this {@code Db} joins the transaction bound in the Reactor Context.
 *
 * <p>Built with {@link Toasty#builder()}. Several {@code Db}s may live side by side.
 */
public final class Db implements Executor {
  private final GatedDriver driver;
  /** Where every statement, batch and transaction of this {@code Db} goes. */
  private final Router router;
  private final DbSchema schemaOps;
  private final HealthProbe health;
  /** Where reads go when the {@code Db} has read replicas, or null when it has none. */
  private final @Nullable ReplicaSet replicas;
  /** Where change streams start: the refusals, then shared or resumed reads. */
  private final ChangeFollow changeFollow;

  Db(Schema schema, Driver driver, Planner planner, Duration acquireTimeout,
      RouterOptions options, List<Db> replicaDbs, ReplicaPolicy policy, int changeBuffer) {
    this.driver = new GatedDriver(driver, acquireTimeout);
    this.router = new Router(schema, this.driver, planner, options, TxLinks::new);
    this.replicas = replicaDbs.isEmpty() ? null
        : new ReplicaSet(router, replicaDbs, policy, options.binding());
    this.schemaOps = new DbSchema(driver, this.driver);
    this.health = new HealthProbe(this.driver, schema);
    this.changeFollow = new ChangeFollow(this.driver, schema, changeBuffer);
    Uuids.v4(); // seeds the generator here, on the builder's thread, not on a Reactor thread
  }

  /**
   * Plans and runs {@code statement}: in the transaction bound in the subscriber's Context (see
   * {@link Tx#CONTEXT_KEY}) if there is one of this {@code Db}, else on a pooled connection of
   * its own.
   */
  @Override
  public Flux<Value> exec(StatementNode statement) {
    return replicas != null ? replicas.exec(statement) : router.exec(statement);
  }

  /**
   * {@inheritDoc} Outside a transaction, a plan that is one SQL query of the model's fields has
   * the driver build the records from the rows ({@link Connection#read}); anything else goes
   * through {@link #exec} and {@link ModelDef#load}.
   */
  @Override
  public <M> Flux<M> read(Query query, ModelDef<M> model) {
    return read(query, model, null);
  }

  /**
   * {@inheritDoc} Outside a transaction, the plan comes from the key's slot in the plan cache
   * ({@link Planner#prepare(StatementNode, Shaped)}); in a transaction the key is not used.
   */
  @Override
  public <M> Flux<M> read(Query query, ModelDef<M> model, @Nullable Shaped shaped) {
    return replicas != null ? replicas.read(query, model, shaped)
        : router.read(query, model, shaped);
  }

  /**
   * {@inheritDoc} Outside a transaction, a plan that is one SQL query of the model's fields has
   * the driver build the list from the rows ({@link Connection#readAll}).
   */
  @Override
  public <M> Mono<List<M>> readAll(Query query, ModelDef<M> model, @Nullable Shaped shaped) {
    return replicas != null ? replicas.readAll(query, model, shaped)
        : router.readAll(query, model, shaped);
  }

  /**
   * This {@code Db} with another retry policy for the statements run through the returned
   * executor ({@code Users.filter(..).stream(db.retrying(RetryPolicy.transientErrors(3)))});
   * the {@code Db}'s own policy ({@code DbBuilder.retry}) stays as it is for the rest.
   */
  public Executor retrying(RetryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return new DbView(router, s -> router.exec(s, policy), c -> c);
  }

  /**
   * This {@code Db} with a statement timeout of {@code limit} for the statements run through the
   * returned executor, in place of the {@code Db}'s own ({@link DbBuilder#statementTimeout}):
   * {@code Users.filter(..).collect(db.timeout(Duration.ofSeconds(2)))}, or raw SQL with
   * {@code new SqlStatement(db.timeout(limit), sql)}. The database stops a statement at the
   * limit (see {@link DbBuilder#statementTimeout} for how each backend does) and it fails with
   * {@link QueryTimeoutException}. Each statement of a plan that sends several has
   * the limit; inside a transaction with a timeout, the transaction's end comes first if
   * sooner. Costs one round trip per statement to set the session's limit, and one to set it
   * back before the connection returns to the pool.
   */
  public Executor timeout(Duration limit) {
    DbBuilder.positive("a statement timeout", limit);
    return new DbView(router, router::exec, c -> StatementTimeout.withLimit(c, limit));
  }

  /**
   * The committed changes of {@code model}'s records as they happen, in commit order: first
   * a {@link Change.Kind#LISTENING} mark once the stream listens, then a {@link Change} per
   * record created, updated or deleted, its record read after the commit (in batches, through
   * the normal query path: once per batch for all of this {@code Db}'s subscribers of the
   * model), and a {@link Change.Kind#GAP} mark
   * where the stream lost its listener and listens again (changes committed in between are not
   * reported). The model declares {@code @Model(changes = true)}, and schema push has made
   * what reports its changes. A subscriber slower than the writes has at most
   * {@link DbBuilder#changeBuffer} changes waiting for it; past that, one
   * {@link Change.Kind#GAP} stands for those it missed, and the stream goes on.
   *
   * <pre>{@code
   * Disposable watching = db.changes(Tasks.MODEL)
   *     .filter(Change::isRecordChange)
   *     .subscribe(c -> log.info("{} {}", c.kind(), c.key()));
   * }</pre>
   *
   * <p>It listens on a connection of its own, outside the pool; cancelling closes it. It never
   * joins a transaction. Where the backend has no change streams the {@code Flux} fails with an
   * {@link UnsupportedFeatureException} of {@link io.toasty.Feature#CHANGE_STREAMS} before
   * anything is sent; for a model without {@code changes = true}, with an
   * {@link InvalidModelException} naming it; for a tenant-scoped model outside
   * {@code Tenant.none()}, with a {@link TenantScopeException} (docs/tenancy.md).
   */
  @Override
  public <M> Flux<Change<M>> changes(ModelDef<M> model) {
    return follow(model, null);
  }

  /**
   * The changes of {@code model} committed after the change whose {@link Change#resumeToken()}
   * is {@code resumeToken}, then the live ones, each once: {@link #changes} resumed where an
   * earlier stream (of this or another process) stopped. {@link Change.Kind#LISTENING} comes
   * first, as always, then the changes that followed the token, then those committed from now
   * on; positions count from 1 again. Where the database no longer holds what followed the
   * token (PostgreSQL's change log trimmed past it, DynamoDB's 24 hours), a
   * {@link Change.Kind#GAP} comes first. A token that is not a record change's of this backend
   * fails the stream with an {@link io.toasty.error.InvalidResumeTokenException}.
   *
   * <pre>{@code
   * Flux<Change<Task>> resumed = db.changesAfter(Tasks.MODEL, lastSeen.resumeToken());
   * }</pre>
   */
  @Override
  public <M> Flux<Change<M>> changesAfter(ModelDef<M> model, String resumeToken) {
    Objects.requireNonNull(resumeToken, "resumeToken");
    return follow(model, resumeToken);
  }

  private <M> Flux<Change<M>> follow(ModelDef<M> model, @Nullable String resumeToken) {
    Objects.requireNonNull(model, "model");
    return changeFollow.follow(model, resumeToken, this);
  }


  /**
   * A raw SQL statement on this database, run where {@link #exec} would run a typed one (the
   * bound transaction, else a pooled connection through the gate); see {@link SqlStatement}.
   */
  public SqlStatement sql(String sql) {
    return new SqlStatement(this, sql);
  }

  @Override
  public Optional<UnsupportedFeatureException> rawSqlRefusal() {
    return router.rawSqlRefusal();
  }

  @Override
  public Flux<Value.Record> execRaw(Operation.RawSql sql) {
    return replicas != null ? replicas.raw(db -> db.execRaw(sql), () -> router.execRaw(sql))
        : router.execRaw(sql);
  }

  /**
   * A PartiQL statement on this database (DynamoDB's {@code ExecuteStatement}), on a connection
   * of its own taken through the gate; see {@link PartiqlStatement}. It never joins a
   * transaction: DynamoDB's transactions are optimistic and buffer writes as the items they
   * leave, which a PartiQL statement does not say, and a backend without PartiQL refuses the
   * statement with {@code Feature.PARTIQL}.
   */
  public PartiqlStatement partiql(String statement) {
    return new PartiqlStatement(this, statement);
  }

  @Override
  public Optional<UnsupportedFeatureException> partiqlRefusal() {
    return router.partiqlRefusal();
  }

  @Override
  public Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    return replicas != null ? replicas.raw(db -> db.execPartiql(statement),
        () -> router.execPartiql(statement)) : router.execPartiql(statement);
  }

  /**
   * A Cypher statement on this database, run where {@link #exec} would run a typed one (the
   * bound transaction, else a connection of its own taken through the gate); see
   * {@link CypherStatement}. A backend without Cypher refuses it with {@code Feature.CYPHER}.
   */
  public CypherStatement cypher(String text) {
    return new CypherStatement(this, text);
  }

  @Override
  public Optional<UnsupportedFeatureException> cypherRefusal() {
    return router.cypherRefusal();
  }

  @Override
  public String tableOf(ModelDef<?> model) {
    return router.tableOf(model);
  }

  @Override
  public Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    return replicas != null ? replicas.raw(db -> db.execCypher(statement),
        () -> router.execCypher(statement)) : router.execCypher(statement);
  }

  /**
   * A path query on this database, run where {@link #exec} would run a typed statement (the
   * bound transaction, else a connection of its own taken through the gate); see
   * {@link io.toasty.PathQuery}. A backend without path queries in one request runs it as the
   * engine's own reads, one hop at a time ({@link SteppedPath}).
   */
  @Override
  public Flux<Value.Record> execPath(PathNode path) {
    if (!router.capability().pathQueries()) {
      return router.tenants().checked(path, SteppedPath.run(path, router.models(), this));
    }
    return replicas != null ? replicas.execPath(path) : router.execPath(path);
  }

  /**
   * Chunks of a {@link Bulk} stream: at most 25 records where atomic writes have an item limit,
   * else as many rows as one statement's bind markers hold, at most 1000.
   */
  @Override
  public int bulkChunkRows(@Nullable ModelDef<?> model) {
    return router.bulkChunkRows(model);
  }

  /**
   * Runs a batch's statements as one unit: over SQL in one transaction (a savepoint in a
   * transaction bound in the Context), one after the other on its connection, any failure
   * rolling back every write of the batch; results are emitted after COMMIT. Where the backend
   * has no interactive transactions, the batch goes as one atomic request where the planner can
   * make it one, and is refused before anything is sent where it cannot.
   */
  @Override
  public Mono<List<Object>> execBatch(List<Snapshot<?>> statements) {
    return replicas != null ? replicas.execBatch(statements) : router.execBatch(statements);
  }

  /**
   * Runs {@code work} in a transaction on one pooled connection and returns what its publisher
   * emits, as it emits it. COMMIT follows when the publisher completes, and the returned
   * {@code Flux} completes after it; ROLLBACK follows when it fails (the {@code Flux} fails with
   * the error) or when the subscriber cancels. A failed COMMIT fails the {@code Flux} with the
   * driver's error, after a ROLLBACK. The connection goes back to the pool on every path.
   *
   * <pre>{@code
   * Flux<User> both = db.transaction(tx -> Flux.concat(
   *     Users.create().name("Ann").email("ann@example.com").exec(tx),
   *     Users.create().name("Bob").email("bob@example.com").exec(tx)));
   * }</pre>
   *
   * <p>Cancelling rolls back, so do not cut the returned {@code Flux} short ({@code next()},
   * {@code take(n)}, {@code Mono.from(..)}) unless that is what you mean; for one result use
   * {@link #transactionMono(Function)}, or {@code then()}, {@code last()} or
   * {@code collectList()}.
   *
   * <p>Inside the publisher, the transaction is bound in the Reactor Context: {@code exec(db)}
   * joins it as {@code exec(tx)} would, and {@code db.transaction(..)} nests in it (a savepoint,
   * see {@link Tx#transaction(Function)}) instead of taking another connection.
   *
   * @throws UnsupportedFeatureException (as the signal) where the backend has no interactive
   *     transactions
   */
  public <T> Flux<T> transaction(Function<? super Tx, ? extends Publisher<T>> work) {
    return transaction(TxOptions.defaults(), work);
  }

  /**
   * {@link #transaction(Function)} with an isolation level or read-only mode:
   * {@code db.transaction(TxOptions.serializable().readOnly(), tx -> ...)}. Nested in a bound
   * transaction, the options must be the defaults or the outer transaction's own.
   */
  public <T> Flux<T> transaction(TxOptions options,
      Function<? super Tx, ? extends Publisher<T>> work) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(work, "work");
    return replicas != null ? replicas.transaction(options, work)
        : router.transaction(options, work);
  }

  /**
   * {@link #transaction(Function)} for work with one result (or none): the value is emitted
   * after COMMIT has succeeded.
   *
   * <pre>{@code
   * Mono<User> renamed = db.transactionMono(tx -> Users.getById(tx, id)
   *     .flatMap(u -> Users.update(u).name("Carl").exec(tx)));
   * }</pre>
   */
  public <T> Mono<T> transactionMono(Function<? super Tx, ? extends Mono<T>> work) {
    return transactionMono(TxOptions.defaults(), work);
  }

  /** {@link #transactionMono(Function)} with options. */
  public <T> Mono<T> transactionMono(TxOptions options,
      Function<? super Tx, ? extends Mono<T>> work) {
    return replicas != null ? replicas.transactionMono(options, work)
        : router.transactionMono(options, work);
  }


  /**
   * Begins a transaction to end by hand: takes a pooled connection, sends BEGIN, and emits the
   * {@link Tx}. End it with {@link Tx#commit()} or {@link Tx#rollback()} (or {@link Tx#close()},
   * which rolls back if still open); until then it holds its connection. Cancelling before the
   * {@code Tx} is emitted rolls back and releases the connection.
   *
   * <pre>{@code
   * Mono<User> ann = Mono.usingWhen(db.begin(),
   *     tx -> Users.create().name("Ann").email("ann@example.com").exec(tx),
   *     Tx::commit, (tx, e) -> tx.rollback(), Tx::rollback);
   * }</pre>
   */
  public Mono<Tx> begin() {
    return begin(TxOptions.defaults());
  }

  /**
   * {@link #begin()} with an isolation level, read-only mode or timeout. With a timeout (the
   * options' or the {@code Db}'s {@code transactionTimeout}), counted from BEGIN, the transaction
   * is rolled back and its connection released when it is still open at the deadline; a
   * statement running then is stopped by the database, and later statements and
   * {@link Tx#commit()} fail with {@code QueryTimeoutException}.
   */
  public Mono<Tx> begin(TxOptions options) {
    Objects.requireNonNull(options, "options");
    return replicas != null ? replicas.begin(options) : router.begin(options);
  }

  /** What this {@code Db}'s transactions came to so far. */
  public TxStats transactionStats() {
    return router.counters().snapshot();
  }

  /** How long this {@code Db}'s transactions that ended were open, by how they ended. */
  public TxTimes transactionTimes() {
    return router.counters().times();
  }

  /** Schema management: {@code push()} and {@code reset()}. */
  public DbSchema schema() {
    return schemaOps;
  }

  /** The plan cache's hits, misses and size. */
  public PlanCacheStats planCacheStats() {
    return router.planner().cacheStats();
  }

  /**
   * What each planner phase makes of {@code statement}, as readable text, ending with what the
   * driver sends in its backend's language (SQL, Cypher, DynamoDB calls) where it shows it.
   * A statement on a soft-deleted model is explained as it runs: over live records, a delete as
   * the update that marks them (docs/models.md, Soft delete).
   */
  public String explain(StatementNode statement) {
    return router.planner().explain(router.tenants().hideDeleted(statement),
        router.operationText());
  }

  /**
   * How a path query ({@code PathQuery.untyped(mode)}) would run: the statement, the table-level
   * statement the planner's path pass makes of it, and what the driver sends (the recursive CTE
   * of an SQL database, the Cypher pattern of a graph database); where the backend has no path
   * query in one request, the reads the engine makes of it, hop by hop.
   */
  public String explain(PathNode path) {
    return ExplainPath.explain(path, router.models(), router.capability(),
        router.operationText());
  }

  /**
   * The connection pool's gauges now (acquired, idle, allocated, waiting), or empty for a backend
   * without a pool (DynamoDB). Requests waiting for the engine's turn at the pool count as
   * pending.
   */
  public Optional<PoolState> poolState() {
    return driver.poolState();
  }

  /**
   * A turn at this {@code Db}'s connection gate for a connection that someone else takes from
   * the same pool, such as a transaction manager beside the {@code Db} (the Spring Boot starters'
   * {@code R2dbcTransactionManager}): the permit is granted first come, first served with the
   * {@code Db}'s own statements, so that such a transaction waits its turn behind the requests
   * that came before it instead of overtaking them at the pool. Take the connection once the
   * permit is granted, and {@link ConnectionPermit#release() release} it once the connection
   * is back in the pool.
   *
   * <p>Never ask for a permit while holding a connection of this {@code Db} (a statement inside
   * that transaction runs on its connection: {@link DbBuilder#connectionBinding}): a holder that
   * waits for a second permit deadlocks with others that do the same. Waits at most the acquire
   * timeout, then fails with a transient {@link PoolTimeoutException}; a backend
   * without a pool (DynamoDB) grants a permit that holds nothing, at once.
   */
  public Mono<ConnectionPermit> connectionPermit() {
    return driver.connectionPermit().map(ConnectionPermit::new);
  }

  /**
   * One round trip to the database and the pool's gauges. SQL backends run {@code SELECT 1} on a
   * pooled connection; a backend without SQL (DynamoDB) reads at most one item of the first
   * table, or only opens a connection when the schema has none. Never fails: an error of the
   * round trip is a {@link Health.Status#DOWN} health carrying it.
   */
  public Mono<Health> health() {
    return health.health();
  }

  /** The key that signs this {@code Db}'s pagination cursors ({@link DbBuilder#cursorKey}). */
  @Override
  public CursorKey cursorKey() {
    return router.cursorKey();
  }

  /** What the backend can do. */
  public Capability capability() {
    return driver.capability();
  }

  /** The models, tables and mapping this {@code Db} serves. */
  public Schema models() {
    return router.models();
  }

  /**
   * This {@code Db}'s read replicas ({@link DbBuilder#replica(String)}), each a {@code Db} with
   * its own pool ({@link #poolState()}, {@link #health()}), in the order they were added; empty
   * when it has none. Close only this {@code Db}: it closes them.
   */
  public List<Db> replicas() {
    return replicas == null ? List.of() : replicas.replicas();
  }

  /**
   * How many statements took each route so far ({@link ReplicaRoute}): to the primary or a
   * replica, and why. Empty for a {@code Db} without replicas, whose statements all go to its
   * one database.
   */
  public Map<ReplicaRoute, Long> routeCounts() {
    return replicas == null ? Map.of() : replicas.counts();
  }

  /** The router of this {@code Db}'s own statements (not its replicas'). */
  Router router() {
    return router;
  }

  /**
   * Rolls back the transactions still open, then closes the driver's pool, and those of the
   * replicas.
   */
  public Mono<Void> close() {
    return replicas == null ? router.close() : router.close().then(replicas.close());
  }
}
