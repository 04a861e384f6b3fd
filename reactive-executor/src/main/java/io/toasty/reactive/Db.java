package io.toasty.reactive;

import io.toasty.Batch;
import io.toasty.Bulk;
import io.toasty.CursorKey;
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
import io.toasty.error.InvalidStatementException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.PlanCacheStats;
import io.toasty.planner.Planner;
import io.toasty.planner.Prepared;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.DirectRead;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.reactive.exec.BindArgs;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.reactive.exec.Interpreter;
import io.toasty.reactive.exec.Results;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.exec.Uuids;
import io.toasty.reactive.internal.batch.KeyGet;
import io.toasty.reactive.internal.batch.KeyGets;
import io.toasty.reactive.internal.batch.KeyUpdate;
import io.toasty.reactive.internal.batch.KeyUpdates;
import io.toasty.reactive.internal.batch.LongLists;
import io.toasty.reactive.internal.batch.ValueList;
import io.toasty.reactive.internal.batch.ValueLists;
import io.toasty.reactive.internal.batch.WaitingBatches;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.internal.gate.Lease;
import io.toasty.reactive.json.JsonDocuments;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Query;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

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
  private final Schema schema;
  private final GatedDriver driver;
  private final Planner planner;
  private final GuardedWrites guarded;
  private final DbSchema schemaOps;
  private final TxCounters counters = new TxCounters();
  private final Set<TxSession> open = ConcurrentHashMap.newKeySet();
  private final ConnectionBinding binding;
  private final StatementObserver observer;
  private final StatementWatch watch;
  private final RawStatements raw;
  private final HealthProbe health;
  private final TxStarts starts;
  private final RetryPolicy retry;
  private final CursorKey cursorKey;
  private final Clock clock;
  private final JsonDocuments json;
  /** Whether every query accepts an eventually consistent read ({@code DbBuilder}). */
  private final boolean eventualReads;
  /**
   * How many times in all a statement whose connection was lost before it emitted is tried
   * ({@link LostConnectionRetry}): the pool's size plus one, or 1 when that is turned off.
   */
  private final int lostConnectionAttempts;
  /** The models' definitions by name: their row readers build an include's children. */
  private final Map<String, ModelDef<?>> modelDefs;
  /** Requests by key answered together while the pool is saturated, or null when that is off. */
  private final WaitingBatches batches;
  /** Whether gets by key join {@link #batches} ({@link DbBuilder#coalesceGets}). */
  private final boolean coalesceGets;
  /** Whether reads by one value join {@link #batches} ({@link DbBuilder#coalesceLists}). */
  private final boolean coalesceLists;
  /** The plans whose batches of lists read too many rows: their requests read alone. */
  private final LongLists longLists = new LongLists();
  /** Whether updates by key join {@link #batches} ({@link DbBuilder#coalesceUpdates}). */
  private final boolean coalesceUpdates;

  Db(Schema schema, Driver driver, Planner planner, Duration acquireTimeout,
      ConnectionBinding binding, StatementObserver observer, RetryPolicy retry,
      RetryPolicy transactionRetry, CursorKey cursorKey, Clock clock, JsonDocuments json,
      Duration transactionTimeout, boolean eventualReads, boolean logValues,
      Map<String, ModelDef<?>> modelDefs, boolean coalesceGets, boolean coalesceLists,
      boolean coalesceUpdates, boolean retryLostReads) {
    this.modelDefs = Map.copyOf(modelDefs);
    this.clock = clock;
    this.json = json;
    this.eventualReads = eventualReads;
    this.binding = binding;
    this.observer = observer;
    this.retry = retry;
    this.cursorKey = cursorKey;
    this.schema = schema;
    this.driver = new GatedDriver(driver, acquireTimeout);
    this.lostConnectionAttempts = retryLostReads ? lostConnectionAttempts(driver) : 1;
    this.planner = planner;
    this.guarded = new GuardedWrites(this.driver, schema);
    this.schemaOps = new DbSchema(driver, this.driver);
    this.watch = new StatementWatch(observer, schema, this.driver, logValues,
        s -> planner.prepare(asRun(s)));
    this.raw = new RawStatements(this, this.driver, counters);
    this.health = new HealthProbe(this.driver, schema);
    this.starts = new TxStarts(this, this.driver, counters, transactionRetry,
        transactionTimeout);
    this.coalesceGets = coalesceGets;
    this.coalesceLists = coalesceLists;
    this.coalesceUpdates = coalesceUpdates && driver.capability().sql()
        && driver.capability().returningFromMutation();
    this.batches = this.coalesceGets || this.coalesceLists || this.coalesceUpdates
        ? new WaitingBatches(this.driver) : null;
    Uuids.v4(); // seeds the generator here, on the builder's thread, not on a Reactor thread
  }

  /**
   * Plans and runs {@code statement}: in the transaction bound in the subscriber's Context (see
   * {@link Tx#CONTEXT_KEY}) if there is one of this {@code Db}, else on a pooled connection of
   * its own.
   */
  @Override
  public Flux<Value> exec(StatementNode statement) {
    return exec(statement, retry);
  }

  /** {@link #exec(StatementNode)} with {@code policy}'s retries outside a transaction. */
  Flux<Value> exec(StatementNode statement, RetryPolicy policy) {
    Objects.requireNonNull(statement, "statement");
    return Flux.deferContextual(context -> {
      Tx bound = Tx.boundIn(context, this);
      if (bound == null && guarded.any()) {
        List<CardinalityGuard> guards = guarded.of(statement);
        if (!guards.isEmpty() && !guarded.keptByDriver()) {
          return checkedAlone(statement, guards);
        }
      }
      // observed once: in a joined transaction by the Tx's own exec, with its flag
      return bound != null ? bound.exec(statement)
          : orBound(context, c -> Joined.exec(this, c, counters, statement),
              () -> observed(statement, false, attempts(policy, statement,
                  () -> execAlone(statement))));
    });
  }

  /**
   * A write limited by a relation's {@code @AtMost}, outside a transaction: in a transaction of
   * its own, where the records it fills are locked and counted ({@link CardinalityCheck}); where
   * the backend has no interactive transactions, refused before anything is sent.
   */
  private Flux<Value> checkedAlone(StatementNode statement,
      List<CardinalityGuard> guards) {
    if (!driver.capability().interactiveTransactions()) {
      return Flux.error(guarded.refusal(guards));
    }
    // Collected, so that a caller taking only the first value cannot cancel (roll back) the
    // write: the values come after COMMIT.
    return transactionMono(tx -> tx.checked(statement, guards).collectList())
        .flatMapIterable(rows -> rows);
  }

  /** {@code statement} run by {@code plain}, or by {@code checked} with the limits it writes. */
  Flux<Value> cardinalityChecked(
      StatementNode statement,
      Function<StatementNode, Flux<Value>> plain,
      Function<List<CardinalityGuard>, Flux<Value>> checked) {
    return guarded.checked(statement, plain, checked);
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
  public <M> Flux<M> read(Query query, ModelDef<M> model, Shaped shaped) {
    RowReader<M> reader = model.rowReader();
    if (reader == null) {
      return Executor.super.read(query, model);
    }
    Objects.requireNonNull(query, "query");
    return Flux.deferContextual(context -> {
      Tx bound = Tx.boundIn(context, this);
      if (bound != null) {
        return bound.read(query, model);
      }
      if (binding != null) {
        // an outer transaction's connection when the subscriber runs in one, else as below
        return orBound(context,
            c -> Joined.exec(this, c, counters, query).map(v -> model.load((Value.Record) v)),
            () -> observed(query, false, attempts(retry, query,
                () -> readAlone(query, model, reader, shaped))));
      }
      if (retry.maxRetries() == 0 && observer == null) {
        // nobody to tell of it: the read, or its tries again on lost connections
        return lostConnectionAttempts > 1 ? LostConnectionRetry.upTo(lostConnectionAttempts,
            true, () -> readAlone(query, model, reader, shaped))
            : readAlone(query, model, reader, shaped);
      }
      return observed(query, false, attempts(retry, query,
          () -> readAlone(query, model, reader, shaped)));
    });
  }

  /**
   * {@code work}'s attempts outside a transaction: as {@code policy} retries them, or, with no
   * retries, a read (or a write of which nothing was sent) again on a lost connection
   * ({@link LostConnectionRetry}) unless the builder
   * turned that off.
   */
  private <T> Flux<T> attempts(RetryPolicy policy, StatementNode statement,
      Supplier<Flux<T>> work) {
    if (policy.maxRetries() > 0) {
      return Retries.apply(policy, Retries.forStatement(statement), Flux.defer(work));
    }
    return lostConnectionAttempts > 1
        ? LostConnectionRetry.upTo(lostConnectionAttempts, statement instanceof Query, work)
        : Flux.defer(work);
  }

  /**
   * The pool's size plus one: enough tries to outlast a pool whose every idle connection died
   * unseen; twice where the driver has no pool.
   */
  private static int lostConnectionAttempts(Driver driver) {
    return driver.poolState().map(pool -> pool.maxSize() + 1).orElse(2);
  }

  /** {@link #execAlone}, with the records built by the driver where the plan allows it. */
  private <M> Flux<M> readAlone(Query query, ModelDef<M> model,
      RowReader<M> reader, Shaped shaped) {
    BoundPlan bound = bind(query, shaped);
    DirectRead direct = bound.plan().direct();
    if (direct == null || query.lock() != null
        || direct.fields().length != model.schema().fields().size()) {
      return execAlone(query, bound).map(v -> model.load((Value.Record) v));
    }
    Function<Connection, Flux<M>> own =
        c -> c.read(direct.operation(bound.args()), direct.fields(), reader);
    if (batches == null || !batches.saturated(bound.plan())) {
      return driver.withConnection(own);
    }
    KeyGet get = coalesceGets ? KeyGet.of(query, model.schema()) : null;
    if (get != null) {
      return batches.join(bound.plan(), get.key(), get.value(), null, own,
          () -> new KeyGets<>(this::bind, query, model, reader, get.field())).flux();
    }
    ValueList list = coalesceLists && !longLists.has(bound.plan())
        ? ValueList.of(query, model.schema()) : null;
    return list == null ? driver.withConnection(own) : valueList(query, model, reader, bound,
        list, own);
  }

  /**
   * The records of {@code list}, a read that would wait for a connection, read with the reads
   * of its plan that wait with it ({@link ValueLists}); streamed by {@code own} on a connection
   * of its own when the batch, or its own read on the batch's connection, met more rows than a
   * batch holds.
   */
  private <M> Flux<M> valueList(Query query, ModelDef<M> model,
      RowReader<M> reader, BoundPlan bound, ValueList list,
      Function<Connection, Flux<M>> own) {
    return batches.join(bound.plan(), list.key(), list.value(), null, ValueLists.held(own),
            () -> new ValueLists<>(this::bind, query, model, reader, list.field()))
        .flatMapIterable(rows -> rows)
        .onErrorResume(ValueLists.TooLong.class, e -> {
          longLists.add(bound.plan());
          return driver.withConnection(own);
        });
  }

  /**
   * This {@code Db} with another retry policy for the statements run through the returned
   * executor ({@code Users.filter(..).stream(db.retrying(RetryPolicy.transientErrors(3)))});
   * the {@code Db}'s own policy ({@code DbBuilder.retry}) stays as it is for the rest.
   */
  public Executor retrying(RetryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return new DbView(this, s -> exec(s, policy), c -> c);
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
    return new DbView(this, this::exec, c -> StatementTimeout.withLimit(c, limit));
  }

  /** {@code run}, watched by the {@code Db}'s {@link StatementObserver} if it has one. */
  <T> Flux<T> observed(StatementNode statement, boolean inTransaction, Flux<T> run) {
    return watch.observed(statement, inTransaction, run);
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
    return raw.sqlRefusal();
  }

  @Override
  public Flux<Value.Record> execRaw(Operation.RawSql sql) {
    return raw.execSql(sql);
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
    return raw.partiqlRefusal();
  }

  @Override
  public Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    return raw.execPartiql(statement);
  }

  /**
   * {@code joined} on the connection the {@link ConnectionBinding} finds in {@code context}, else
   * {@code alone} (not {@code switchIfEmpty}: a joined statement may rightly emit nothing).
   */
  <T> Flux<T> orBound(ContextView context, Function<Connection, Flux<T>> joined,
      Supplier<Flux<T>> alone) {
    if (binding == null) {
      return alone.get();
    }
    return binding.find(context).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMapMany(c -> c.isPresent() ? joined.apply(c.get()) : alone.get());
  }

  private Flux<Value> execAlone(StatementNode statement) {
    BoundPlan bound = bind(statement); // refusals of the backend first
    if (coalesceUpdates && statement instanceof UpdateNode u
        && batches.saturated(bound.plan())) {
      Flux<Value> batched = keyUpdate(u, bound);
      if (batched != null) {
        return batched;
      }
    }
    return execAlone(statement, bound);
  }

  /**
   * {@code u}, which would wait for a connection, written with the updates of its plan that
   * wait with it ({@link KeyUpdates}), or null when it is not a {@link KeyUpdate} of a plan of
   * one statement on one connection.
   */
  private Flux<Value> keyUpdate(UpdateNode u, BoundPlan bound) {
    if (!(u.target() instanceof Source.Model target) || !onOne(bound)) {
      return null;
    }
    ModelSchema model = schema.model(target.model());
    KeyUpdate update = KeyUpdate.of(u, model);
    if (update == null) {
      return null;
    }
    return batches.join(bound.plan(), update.key().key(), update.key().value(), update,
        c -> onConnection(bound, c),
        () -> new KeyUpdates(this::bindOnOne, this::onConnection, u,
            model.field(update.key().field()), model.name())).flux();
  }

  /** {@code u} planned and bound, or null when its plan is not {@link #onOne}. */
  private BoundPlan bindOnOne(UpdateNode u) {
    BoundPlan bound = bind(u);
    return onOne(bound) ? bound : null;
  }

  /** Whether {@code bound}'s plan is one statement on one connection, outside a transaction. */
  private static boolean onOne(BoundPlan bound) {
    ActionPlan actions = bound.plan().actions();
    return actions.needsConnection() && !actions.transaction()
        && Interpreter.asideWidth(actions, bound.args()) == 0;
  }

  /** {@code bound}'s plan run on {@code c}, emitting what {@link #exec} emits. */
  private Flux<Value> onConnection(BoundPlan bound, Connection c) {
    return results(bound, Interpreter.run(bound.plan().actions(), bound.args(), c, null, modelDefs));
  }

  private Flux<Value> execAlone(StatementNode statement, BoundPlan bound) {
    if (statement instanceof Query q && q.lock() != null) {
      // A lock taken by a statement of its own would end with it: say so instead of pretending.
      return Flux.error(new InvalidStatementException(
          ((Source.Model) q.source()).model(), null, "a locking read ("
          + q.lock().mode() + ", " + q.lock().onLocked() + ") runs inside a transaction: "
          + "db.transaction(tx -> ...exec(tx))"));
    }
    return results(bound, run(bound.plan(), bound.args()));
  }

  /** What {@code exec} emits for a bound statement's rows: JSON documents readable. */
  Flux<Value> results(BoundPlan bound, Flux<Value.Record> rows) {
    return Results.of(bound.plan().output(), rows, bound.args()).map(json::readable);
  }


  /** Plans {@code statement} (through the cache) and checks its values. */
  BoundPlan bind(StatementNode statement) {
    return bindAsWritten(asRun(statement));
  }

  /**
   * {@link #bind(StatementNode)} of a statement a generated finder built, through its shape key
   * ({@code shaped}, or null for none). The key's plan is always that of the statement as
   * {@link #asRun} makes it: this is the only place that plans by key.
   */
  private BoundPlan bind(StatementNode statement, Shaped shaped) {
    if (shaped == null) {
      return bind(statement);
    }
    return checked(planner.prepare(asRun(statement), shaped));
  }

  /** {@code statement} as this {@code Db} plans it: with its read default. */
  private StatementNode asRun(StatementNode statement) {
    if (eventualReads && statement instanceof Query q && q.lock() == null) {
      return q.withEventual(true);
    }
    return statement;
  }

  /** {@link #bind} without this {@code Db}'s read default: an atomic batch reads consistently. */
  BoundPlan bindAsWritten(StatementNode statement) {
    return checked(planner.prepare(statement));
  }

  /** {@code prepared} with its values checked (and generated ones added). */
  private BoundPlan checked(Prepared prepared) {
    CompiledPlan plan = prepared.plan();
    return new BoundPlan(plan, BindArgs.bind(plan, prepared.args(), clock, json));
  }

  private Flux<Value.Record> run(CompiledPlan plan, List<Value> args) {
    if (!plan.actions().needsConnection()) {
      return Interpreter.run(plan.actions(), args, (Sender) null);
    }
    if (plan.actions().transaction()) {
      // rows are handed on after COMMIT, so a subscriber that stops early cannot undo the write
      return TxSession.run(this, driver, TxOptions.defaults(), counters,
              session -> Interpreter.run(plan.actions(), args, (Sender) session.connection)
                  .collectList())
          .singleOrEmpty()
          .flatMapIterable(rows -> rows);
    }
    // Every connection the plan needs, taken together: it never holds one while waiting for
    // another (EXECUTION.md), so no number of concurrent plans can deadlock the pool.
    // An include's sibling branches each get a connection of their own (at most the pool's size),
    // unless its parents fit one window: then its children follow them on their connection.
    int connections = 1 + Interpreter.asideWidth(plan.actions(), args);
    if (connections == 1) {
      return driver.withConnection(c -> Interpreter.run(plan.actions(), args, c, null,
          modelDefs));
    }
    return Flux.usingWhen(driver.lease(connections),
        lease -> lease.connect().thenMany(Flux.defer(() -> Interpreter.run(plan.actions(), args,
            lease.main(), lease.aside(), modelDefs))),
        Lease::close, (lease, error) -> lease.close(), Lease::close);
  }

  /**
   * Chunks of a {@link Bulk} stream: at most 25 records where atomic writes have an item limit,
   * else as many rows as one statement's bind markers hold, at most 1000.
   */
  @Override
  public int bulkChunkRows(ModelDef<?> model) {
    return BulkChunks.rows(driver.capability(), schema, model);
  }

  /**
   * Runs a batch's statements as one unit: over SQL in one transaction (a savepoint in a
   * transaction bound in the Context), one after the other on its connection, any failure
   * rolling back every write of the batch; results are emitted after COMMIT. Where the backend
   * has no interactive transactions, see {@link AtomicBatch}.
   */
  @Override
  public Mono<List<Object>> execBatch(List<Snapshot<?>> statements) {
    Objects.requireNonNull(statements, "statements");
    // In a bound transaction (on DynamoDB an optimistic one), that transaction decides how the
    // batch nests in it.
    return Mono.deferContextual(context -> {
      Tx bound = Tx.boundIn(context, this);
      if (bound != null) {
        return bound.execBatch(statements);
      }
      if (driver.capability().interactiveTransactions()) {
        return transactionMono(tx -> Batch.inOrder(tx, statements));
      }
      UnsupportedFeatureException refused = guarded.batchRefusal(statements);
      return refused != null ? Mono.error(refused) : AtomicBatch.run(this, driver, statements);
    });
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
    return starts.transaction(options, work);
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
    Objects.requireNonNull(work, "work");
    // The value is held until COMMIT has succeeded, so a failed COMMIT (an optimistic
    // transaction's conflict on DynamoDB) finds nothing emitted and the retry policy may run the
    // work again (TransactionConflictTest).
    return Mono.defer(() -> {
      AtomicReference<T> value = new AtomicReference<>();
      return transaction(options, tx -> Mono.from(work.apply(tx)).doOnNext(value::set).then())
          .then(Mono.fromSupplier(value::get));
    });
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
    return starts.begin(options);
  }

  /** What this {@code Db}'s transactions came to so far. */
  public TxStats transactionStats() {
    return counters.snapshot();
  }

  /** How long this {@code Db}'s transactions that ended were open, by how they ended. */
  public TxTimes transactionTimes() {
    return counters.times();
  }

  void opened(TxSession session) {
    open.add(session);
  }

  void closed(TxSession session) {
    open.remove(session);
  }

  /** Schema management: {@code push()} and {@code reset()}. */
  public DbSchema schema() {
    return schemaOps;
  }

  /** The planner, for this package's parts that read its schema. */
  Planner planner() {
    return planner;
  }

  /** The plan cache's hits, misses and size. */
  public PlanCacheStats planCacheStats() {
    return planner.cacheStats();
  }

  /** What each planner phase makes of {@code statement}, as readable text. */
  public String explain(StatementNode statement) {
    return planner.explain(statement);
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
    return cursorKey;
  }

  /** What the backend can do. */
  public Capability capability() {
    return driver.capability();
  }

  /** The models' definitions by name (their row readers build an include's children). */
  Map<String, ModelDef<?>> modelDefs() {
    return modelDefs;
  }

  /** The models, tables and mapping this {@code Db} serves. */
  public Schema models() {
    return schema;
  }

  /** Rolls back the transactions still open, then closes the driver's pool. */
  public Mono<Void> close() {
    return Flux.defer(() -> Flux.fromIterable(List.copyOf(open)))
        .flatMap(s -> s.end(TxSession.End.DB_CLOSED, null).onErrorResume(e -> Mono.empty()))
        .then(Mono.defer(driver::close));
  }
}
