package io.toasty.reactive.internal.route;

import io.toasty.Bulk;
import io.toasty.CursorKey;
import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.Statement.Snapshot;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.TenantScopeException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.Planner;
import io.toasty.planner.Prepared;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.DirectRead;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.planner.path.PlanPath;
import io.toasty.reactive.ConnectionBinding;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.exec.BindArgs;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.reactive.exec.Interpreter;
import io.toasty.reactive.exec.Results;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.internal.batch.KeyGet;
import io.toasty.reactive.internal.batch.KeyGets;
import io.toasty.reactive.internal.batch.KeyUpdate;
import io.toasty.reactive.internal.batch.KeyUpdates;
import io.toasty.reactive.internal.batch.LongLists;
import io.toasty.reactive.internal.batch.PipelinedReads;
import io.toasty.reactive.internal.batch.ValueList;
import io.toasty.reactive.internal.batch.ValueLists;
import io.toasty.reactive.internal.batch.WaitingBatches;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.internal.gate.Lease;
import io.toasty.reactive.internal.hook.HookedWrites;
import io.toasty.reactive.internal.retry.LostConnectionRetry;
import io.toasty.reactive.internal.retry.Retries;
import io.toasty.reactive.internal.tx.TxCounters;
import io.toasty.reactive.internal.tx.TxHost;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.reactive.internal.write.BulkChunks;
import io.toasty.reactive.internal.write.CardinalityCheck;
import io.toasty.reactive.internal.write.GuardedWrites;
import io.toasty.reactive.json.JsonDocuments;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.KeyPin;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Where a {@code Db}'s statements go: each one is planned (once per shape), its values checked,
 * and it runs in the transaction bound in the subscriber's Context, on a connection an outer
 * owner binds ({@link ConnectionBinding}), with the writes of others waiting for a connection
 * ({@link WaitingBatches}), or on pooled connections of its own, with the retries its policy
 * allows. {@code Db} is the user's face of it: each public call makes one call here.
 */
public final class Router implements Executor, TxHost {
  private final Schema schema;
  private final GatedDriver driver;
  private final Planner planner;
  private final GuardedWrites guarded;
  /** The models' lifecycle hooks, run around the writes of their models. */
  private final HookedWrites hooks;
  private final TxCounters counters = new TxCounters();
  private final Set<TxSession> open = ConcurrentHashMap.newKeySet();
  private final @Nullable ConnectionBinding binding;
  private final @Nullable StatementObserver observer;
  private final StatementWatch watch;
  private final RawStatements raw;
  /** The tenant scope every statement runs in ({@code io.toasty.Tenant}). */
  private final TenantScope tenants;
  private final TxStarts starts;
  private final RetryPolicy retry;
  private final CursorKey cursorKey;
  private final Clock clock;
  private final JsonDocuments json;
  /** The {@code Db}'s way into its {@link Tx}s. */
  private final TxLink links;
  /** The consistency of queries that ask for none ({@code DbBuilder}). */
  private final ReadConsistency reads;
  /**
   * How many times in all a statement whose connection was lost before it emitted is tried
   * ({@link LostConnectionRetry}): the pool's size plus one, or 1 when that is turned off.
   */
  private final int lostConnectionAttempts;
  /** The models' definitions by name: their row readers build an include's children. */
  private final Map<String, ModelDef<?>> modelDefs;
  /** Requests by key answered together while the pool is saturated, or null when that is off. */
  private final @Nullable WaitingBatches batches;
  /** Whether gets by key join {@link #batches} ({@code DbBuilder.coalesceGets}). */
  private final boolean coalesceGets;
  /** Whether reads by one value join {@link #batches} ({@code DbBuilder.coalesceLists}). */
  private final boolean coalesceLists;
  /**
   * Whether reads by key join {@link #batches} to be sent together ({@code
   * DbBuilder.pipelineReads}, on a driver that pipelines).
   */
  private final boolean pipelineReads;
  /** The plans whose batches of lists read too many rows: their requests read alone. */
  private final LongLists longLists = new LongLists();
  /** Whether updates by key join {@link #batches} ({@code DbBuilder.coalesceUpdates}). */
  private final boolean coalesceUpdates;
  /** Whether a batch's updates by key go together ({@code DbBuilder.mergeBatchUpdates}). */
  private final boolean mergeBatchUpdates;

  /**
   * A router over {@code driver} (already gated) for the {@code Db} whose {@link Tx}s
   * {@code links} reaches, given this router; {@code options} are the builder's choices.
   */
  public Router(Schema schema, GatedDriver driver, Planner planner, RouterOptions options,
      Function<Router, TxLink> links) {
    this.modelDefs = Map.copyOf(options.modelDefs());
    this.clock = options.clock();
    this.json = options.json();
    this.reads = options.reads();
    this.binding = options.binding();
    this.observer = options.observer();
    this.retry = options.retry();
    this.cursorKey = options.cursorKey();
    this.schema = schema;
    this.driver = driver;
    this.lostConnectionAttempts = options.retryLostReads() ? lostConnectionAttempts(driver) : 1;
    this.planner = planner;
    this.guarded = new GuardedWrites(driver, schema);
    this.hooks = new HookedWrites(options.hooks(), schema, modelDefs);
    this.watch = new StatementWatch(observer, schema, driver, options.logValues(),
        s -> planner.prepare(asRun(s)));
    this.raw = new RawStatements(this, driver);
    this.tenants = new TenantScope(schema, options.clock());
    this.starts = new TxStarts(this, driver, options.transactionRetry(),
        options.transactionTimeout());
    this.coalesceGets = options.coalesceGets();
    this.coalesceLists = options.coalesceLists();
    this.pipelineReads = options.pipelineReads() && driver.pipelinesReads();
    boolean returnsUpdates = driver.capability().sql()
        && driver.capability().returningFromMutation();
    this.coalesceUpdates = options.coalesceUpdates() && returnsUpdates;
    // where updates return no rows, a batch locks the keys first to know which are stored
    this.mergeBatchUpdates = options.mergeBatchUpdates() && driver.capability().sql()
        && (returnsUpdates || driver.capability().rowLocks());
    this.batches = coalesceGets || coalesceLists || coalesceUpdates || pipelineReads
        ? new WaitingBatches(driver) : null;
    this.links = links.apply(this);
  }

  /**
   * Plans and runs {@code statement}: in the transaction bound in the subscriber's Context (see
   * {@link Tx#CONTEXT_KEY}) if there is one of this router, else on a pooled connection of
   * its own.
   */
  @Override
  public Flux<Value> exec(StatementNode statement) {
    return exec(statement, retry);
  }

  /** {@link #exec(StatementNode)} with {@code policy}'s retries outside a transaction. */
  public Flux<Value> exec(StatementNode written, RetryPolicy policy) {
    Objects.requireNonNull(written, "statement");
    return Flux.deferContextual(context -> {
      // a refusal thrown here is the Flux's error signal: nothing was sent
      List<StatementNode> all = tenants.applyAll(written, context);
      StatementNode statement = all.get(all.size() - 1);
      Tx bound = links.boundIn(context);
      if (all.size() > 1) {
        // a soft delete and those it cascades to: all or nothing, like a cascading delete
        return bound != null ? bound.exec(written)
            : transactionMono(tx -> tx.exec(written).collectList()).flatMapIterable(rows -> rows);
      }
      if (bound == null && hooks.touches(statement)) {
        // all or nothing: the write, its hooks and their writes in one transaction, whose
        // values come after COMMIT
        return transactionMono(tx -> links.hooked(tx, statement).collectList())
            .flatMapIterable(rows -> rows);
      }
      if (bound == null && guarded.any()) {
        List<CardinalityGuard> guards = guarded.of(statement);
        if (!guards.isEmpty() && !guarded.keptByDriver()) {
          return checkedAlone(statement, guards);
        }
      }
      // observed once: in a joined transaction by the Tx's own exec, with its flag
      return bound != null ? bound.exec(statement)
          : orBound(context, c -> Joined.exec(this, c, statement),
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
    return transactionMono(tx -> links.checked(tx, statement, guards).collectList())
        .flatMapIterable(rows -> rows);
  }

  /** The lifecycle hooks of the models, run around their writes by a {@link Tx}. */
  public HookedWrites hooks() {
    return hooks;
  }

  /** {@code statement} run by {@code plain}, or by {@code checked} with the limits it writes. */
  public Flux<Value> cardinalityChecked(
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
  public <M> Flux<M> read(Query written, ModelDef<M> model, @Nullable Shaped key) {
    RowReader<M> reader = model.rowReader();
    if (reader == null) {
      return Executor.super.read(written, model);
    }
    return routed(written, model, key, records -> records, record -> 1,
        (query, shaped) -> readAlone(query, model, reader, shaped));
  }

  /**
   * {@inheritDoc} Outside a transaction, as {@link #read(Query, ModelDef, Shaped)} reads, the
   * list built by the driver ({@link Connection#readAll}).
   */
  @Override
  public <M> Mono<List<M>> readAll(Query written, ModelDef<M> model, @Nullable Shaped key) {
    RowReader<M> reader = model.rowReader();
    if (reader == null) {
      return Executor.super.readAll(written, model, key);
    }
    return routed(written, model, key, records -> records.collectList().flux(), List::size,
        (query, shaped) -> readAllAlone(query, model, reader, shaped)).single();
  }

  /**
   * A read of {@code written} routed: in the subscriber's transaction, or on an outer
   * transaction's connection where a binding has one (the records there made into {@code R}s by
   * {@code fromRecords}), else by {@code alone} with the query's key, its attempts as the
   * router retries them and observed as holding {@code rowsOf} rows each.
   */
  private <M, R> Flux<R> routed(Query written, ModelDef<M> model, @Nullable Shaped key,
      Function<Flux<M>, Flux<R>> fromRecords, ToLongFunction<R> rowsOf,
      BiFunction<Query, @Nullable Shaped, Flux<R>> alone) {
    Objects.requireNonNull(written, "query");
    return Flux.deferContextual(context -> {
      Query query = (Query) tenants.apply(written, context); // a refusal is the signal
      // a key names the shape as written: one the tenant's filter changed plans by value
      Shaped shaped = query.equals(written) ? key : null;
      Tx bound = links.boundIn(context);
      if (bound != null) {
        return fromRecords.apply(bound.read(query, model));
      }
      if (binding != null) {
        // an outer transaction's connection when the subscriber runs in one, else as below
        return orBound(context,
            c -> fromRecords.apply(
                Joined.exec(this, c, query).map(v -> model.load((Value.Record) v))),
            () -> watch.observed(query, false, attempts(retry, query,
                () -> alone.apply(query, shaped)), rowsOf));
      }
      if (retry.maxRetries() == 0 && observer == null) {
        // nobody to tell of it: the read, or its tries again on lost connections
        return lostConnectionAttempts > 1 ? LostConnectionRetry.upTo(lostConnectionAttempts,
            true, () -> alone.apply(query, shaped)) : alone.apply(query, shaped);
      }
      return watch.observed(query, false,
          attempts(retry, query, () -> alone.apply(query, shaped)), rowsOf);
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
      RowReader<M> reader, @Nullable Shaped shaped) {
    BoundPlan bound = bind(query, shaped);
    DirectRead direct = direct(query, model, bound);
    if (direct == null) {
      return execAlone(query, bound).map(v -> model.load((Value.Record) v));
    }
    Function<Connection, Flux<M>> own =
        c -> c.read(direct.operation(bound.args()), direct.fields(), reader);
    WaitingBatches waiting = batches;
    Flux<M> batched = waiting == null || !waiting.saturated(bound.plan()) ? null
        : batched(waiting, query, model, reader, bound, direct, own);
    return batched != null ? batched : driver.withConnection(own);
  }

  /**
   * {@link #readAlone}'s records in one list: built by the driver where no batch takes the read
   * ({@link Connection#readAll}), so that no signal per record passes the gate's operators.
   * Where no coalescing takes a read that would wait for a connection, it is pipelined with the
   * reads of its plan that wait with it, whatever its filter: its records are held in one list
   * anyway, as a pipeline holds each read's ({@link #pipelinedLists}).
   */
  private <M> Flux<List<M>> readAllAlone(Query query, ModelDef<M> model,
      RowReader<M> reader, @Nullable Shaped shaped) {
    BoundPlan bound = bind(query, shaped);
    DirectRead direct = direct(query, model, bound);
    if (direct == null) {
      return execAlone(query, bound).map(v -> model.load((Value.Record) v)).collectList().flux();
    }
    WaitingBatches waiting = batches;
    if (waiting != null && waiting.saturated(bound.plan())) {
      Flux<M> batched = batched(waiting, query, model, reader, bound, direct,
          c -> c.read(direct.operation(bound.args()), direct.fields(), reader));
      if (batched != null) {
        return batched.collectList().flux();
      }
      if (pipelineReads) {
        return pipelinedLists(waiting, bound, direct, reader);
      }
    }
    return driver.withConnection(
        c -> c.readAll(direct.operation(bound.args()), direct.fields(), reader).flux());
  }

  /**
   * The plan's direct read where the driver may build {@code query}'s records from its rows:
   * not for a locking read, nor for a plan that reads other fields than the model's.
   */
  private static @Nullable DirectRead direct(Query query, ModelDef<?> model, BoundPlan bound) {
    DirectRead direct = bound.plan().direct();
    return direct == null || query.lock() != null
        || direct.fields().length != model.schema().fields().size() ? null : direct;
  }

  /**
   * The records of a read that would wait for a connection, read with the reads of its plan that
   * wait with it: coalesced gets ({@link KeyGets}), coalesced lists ({@link ValueLists}) or a
   * pipeline ({@link PipelinedReads}); null where none takes it.
   */
  private <M> @Nullable Flux<M> batched(WaitingBatches waiting, Query query, ModelDef<M> model,
      RowReader<M> reader, BoundPlan bound, DirectRead direct,
      Function<Connection, Flux<M>> own) {
    KeyGet get = coalesceGets ? KeyGet.of(query, model.schema()) : null;
    if (get != null) {
      return waiting.join(bound.plan(), get.key(), get.value(), null, own,
          () -> new KeyGets<>(this::bind, query, model, reader, get.field())).flux();
    }
    ValueList list = coalesceLists && !longLists.has(bound.plan())
        ? ValueList.of(query, model.schema()) : null;
    if (list != null) {
      return valueList(waiting, query, model, reader, bound, list, own);
    }
    return pipelineReads && KeyPin.pins(query.filter(), model.schema())
        ? pipelined(waiting, bound, direct, reader) : null;
  }

  /**
   * The records of a read by key that would wait for a connection, sent with the reads of its
   * plan that wait with it, each its own statement ({@link PipelinedReads}). Its batches are
   * keyed by the plan's {@link DirectRead}, apart from the plan's coalesced ones; each request
   * by itself, so that two reads of one key are two statements, as they would be alone.
   */
  private <M> Flux<M> pipelined(WaitingBatches waiting, BoundPlan bound, DirectRead direct,
      RowReader<M> reader) {
    return pipelinedLists(waiting, bound, direct, reader).flatMapIterable(records -> records);
  }

  /**
   * {@link #pipelined}'s records in one list. Only for a read whose records are held whole: a
   * get by key (a row or none), or a collected read of any filter; a stream of many records
   * keeps its cursor on a connection of its own.
   */
  private <M> Flux<List<M>> pipelinedLists(WaitingBatches waiting, BoundPlan bound,
      DirectRead direct, RowReader<M> reader) {
    Operation.QuerySql read = direct.operation(bound.args());
    return waiting.join(direct, new Object(), Value.NULL, read,
            c -> c.readAll(read, direct.fields(), reader).flux(),
            () -> new PipelinedReads<>(direct.fields(), reader)).flux();
  }

  /**
   * The records of {@code list}, a read that would wait for a connection, read with the reads
   * of its plan that wait with it ({@link ValueLists}); streamed by {@code own} on a connection
   * of its own when the batch, or its own read on the batch's connection, met more rows than a
   * batch holds.
   */
  private <M> Flux<M> valueList(WaitingBatches waiting, Query query, ModelDef<M> model,
      RowReader<M> reader, BoundPlan bound, ValueList list,
      Function<Connection, Flux<M>> own) {
    return waiting.join(bound.plan(), list.key(), list.value(), null, ValueLists.held(own),
            () -> new ValueLists<>(this::bind, query, model, reader, list.field()))
        .flatMapIterable(rows -> rows)
        .onErrorResume(ValueLists.TooLong.class, e -> {
          longLists.add(bound.plan());
          return driver.withConnection(own);
        });
  }

  /** {@code run}, watched by the router's {@link StatementObserver} if it has one. */
  public <T> Flux<T> observed(StatementNode statement, boolean inTransaction, Flux<T> run) {
    return watch.observed(statement, inTransaction, run);
  }

  @Override
  public Optional<UnsupportedFeatureException> rawSqlRefusal() {
    return raw.sqlRefusal();
  }

  @Override
  public Flux<Value.Record> execRaw(Operation.RawSql sql) {
    return inTenantScope(sql, () -> raw.execSql(sql));
  }

  /** {@code run} of {@code statement}, unless its tenant scope refuses it (the signal then). */
  public Flux<Value.Record> inTenantScope(Operation statement,
      Supplier<Flux<Value.Record>> run) {
    return Flux.deferContextual(context -> {
      TenantScopeException refused = tenants.rawRefusal(statement, context);
      return refused != null ? Flux.error(refused) : run.get();
    });
  }

  /** The tenant scope of this {@code Db}'s statements. */
  public TenantScope tenants() {
    return tenants;
  }

  /**
   * Whether a batch's consecutive updates by key of one plan are written by one statement
   * ({@link KeyUpdateRuns}): {@code DbBuilder.mergeBatchUpdates}, on an SQL backend whose
   * updates return rows or that locks rows.
   */
  public boolean mergesBatchUpdates() {
    return mergeBatchUpdates;
  }

  /** What the driver sends, in its backend's language, for explain text; null when it shows none. */
  public @Nullable OperationText operationText() {
    return driver.operationText().orElse(null);
  }

  /** {@code run} of a raw statement, watched by the router's observer if it has one. */
  public <T> Flux<T> observedRaw(Operation statement, boolean inTransaction, Flux<T> run) {
    return watch.observedRaw(statement, inTransaction, run);
  }

  @Override
  public Optional<UnsupportedFeatureException> cypherRefusal() {
    return raw.cypherRefusal();
  }

  @Override
  public String tableOf(ModelDef<?> model) {
    return schema.mapping(model.schema().name()).table();
  }

  @Override
  public Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    return inTenantScope(statement, () -> raw.execCypher(statement));
  }

  @Override
  public Flux<Value.Record> execPath(PathNode path) {
    Objects.requireNonNull(path, "path");
    return Flux.defer(() -> {
      Operation.PathQuery op = PlanPath.plan(path, schema, capability());
      return Flux.deferContextual(context -> {
        TenantScopeException refused = tenants.pathRefusal(path, context);
        if (refused != null) {
          return Flux.error(refused);
        }
        Tx bound = boundIn(context);
        return bound != null ? bound.execPath(path)
            : orBound(context, c -> Joined.path(this, c, path), () -> observedRaw(op, false,
                driver.withConnection(c -> Sender.of(c).send(op))));
      });
    });
  }

  @Override
  public Optional<UnsupportedFeatureException> partiqlRefusal() {
    return raw.partiqlRefusal();
  }

  @Override
  public Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    return inTenantScope(statement, () -> raw.execPartiql(statement));
  }

  /**
   * {@code joined} on the connection the {@link ConnectionBinding} finds in {@code context}, else
   * {@code alone} (not {@code switchIfEmpty}: a joined statement may rightly emit nothing).
   */
  public <T> Flux<T> orBound(ContextView context, Function<Connection, Flux<T>> joined,
      Supplier<Flux<T>> alone) {
    if (binding == null) {
      return alone.get();
    }
    return binding.find(context).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMapMany(c -> c.isPresent() ? joined.apply(c.get()) : alone.get());
  }

  private Flux<Value> execAlone(StatementNode statement) {
    BoundPlan bound = bind(statement); // refusals of the backend first
    WaitingBatches waiting = batches; // made whenever updates coalesce
    if (coalesceUpdates && waiting != null && statement instanceof UpdateNode u
        && waiting.saturated(bound.plan())) {
      Flux<Value> batched = keyUpdate(waiting, u, bound);
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
  private @Nullable Flux<Value> keyUpdate(WaitingBatches waiting, UpdateNode u,
      BoundPlan bound) {
    if (!(u.target() instanceof Source.Model target) || !onOne(bound)) {
      return null;
    }
    ModelSchema model = schema.model(target.model());
    KeyUpdate update = KeyUpdate.of(u, model);
    if (update == null) {
      return null;
    }
    return waiting.join(bound.plan(), update.key().key(), update.key().value(), update,
        c -> onConnection(bound, c),
        () -> new KeyUpdates(this::bindOnOne, this::onConnection, u,
            model.field(update.key().field()), model.name())).flux();
  }

  /** {@code u} planned and bound, or null when its plan is not {@link #onOne}. */
  private @Nullable BoundPlan bindOnOne(UpdateNode u) {
    BoundPlan bound = bind(u);
    return onOne(bound) ? bound : null;
  }

  /** Whether {@code bound}'s plan is one statement on one connection, outside a transaction. */
  static boolean onOne(BoundPlan bound) {
    ActionPlan actions = bound.plan().actions();
    return actions.needsConnection() && !actions.transaction()
        && Interpreter.asideWidth(actions, bound.args()) == 0;
  }

  /** {@code bound}'s plan run on {@code c}, emitting what {@link #exec} emits. */
  private Flux<Value> onConnection(BoundPlan bound, Connection c) {
    return results(bound,
        Interpreter.run(bound.plan().actions(), bound.args(), c, null, modelDefs));
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
  public Flux<Value> results(BoundPlan bound, Flux<Value.Record> rows) {
    return Results.of(bound.plan().output(), rows, bound.args()).map(json::readable);
  }


  /** Plans {@code statement} (through the cache) and checks its values. */
  public BoundPlan bind(StatementNode statement) {
    return bindAsWritten(asRun(statement));
  }

  /**
   * {@link #bind(StatementNode)} of a statement a generated finder built, through its shape key
   * ({@code shaped}, or null for none). The key's plan is always that of the statement as
   * {@link #asRun} makes it: this is the only place that plans by key.
   */
  private BoundPlan bind(StatementNode statement, @Nullable Shaped shaped) {
    if (shaped == null) {
      return bind(statement);
    }
    return checked(planner.prepare(asRun(statement), shaped));
  }

  /** {@code statement} as this router plans it: with its read default. */
  private StatementNode asRun(StatementNode statement) {
    if (reads != ReadConsistency.DEFAULT && statement instanceof Query q && q.lock() == null
        && q.consistency() == ReadConsistency.DEFAULT) {
      return q.withConsistency(reads);
    }
    return statement;
  }

  /** {@link #bind} without this router's read default: an atomic batch reads consistently. */
  public BoundPlan bindAsWritten(StatementNode statement) {
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
  public int bulkChunkRows(@Nullable ModelDef<?> model) {
    return BulkChunks.rows(driver.capability(), schema, model);
  }

  /**
   * Runs a batch's statements as one unit: over SQL in one transaction (a savepoint in a
   * transaction bound in the Context), one after the other on its connection, any failure
   * rolling back every write of the batch; results are emitted after COMMIT. Where the backend
   * has no interactive transactions, see {@link AtomicBatch}.
   */
  @Override
  public Mono<List<Object>> execBatch(List<Snapshot<?>> written) {
    Objects.requireNonNull(written, "statements");
    // In a bound transaction (on DynamoDB an optimistic one), that transaction decides how the
    // batch nests in it.
    return Mono.deferContextual(context -> {
      // a refusal is the Mono's error signal, before any statement of the batch is sent
      List<Snapshot<?>> statements =
          written.stream().<Snapshot<?>>map(s -> tenants.apply(s, context)).toList();
      Tx bound = links.boundIn(context);
      // in a Tx each statement is scoped again as written, so that a soft delete takes the
      // soft deletes it cascades to along (TenantScope.applyAll); scoping is idempotent
      if (bound != null) {
        return bound.execBatch(written);
      }
      if (driver.capability().interactiveTransactions() || hooked(statements)
          || optimistic(written, context)) {
        // with hooks or cascading soft deletes, DynamoDB's batch is its optimistic
        // transaction: they need a Tx
        return KeyUpdateRuns.exec(this, written);
      }
      UnsupportedFeatureException refused = guarded.batchRefusal(statements);
      return refused != null ? Mono.error(refused) : AtomicBatch.run(this, driver, statements);
    });
  }

  /**
   * Whether a statement of {@code written} is a soft delete that cascades, on a backend whose
   * transactions can hold the batch (DynamoDB's optimistic ones).
   */
  private boolean optimistic(List<Snapshot<?>> written, ContextView context) {
    return driver.capability().optimisticTransactions() && written.stream()
        .anyMatch(s -> s.untyped() != null && tenants.applyAll(s.untyped(), context).size() > 1);
  }

  /**
   * Whether a statement of {@code statements} writes a model with hooks, on a backend whose
   * transactions can hold the batch (DynamoDB's optimistic ones).
   */
  private boolean hooked(List<Snapshot<?>> statements) {
    return driver.capability().optimisticTransactions() && statements.stream()
        .anyMatch(s -> s.untyped() != null && hooks.touches(s.untyped()));
  }

  /** {@code work} in a transaction (bound, bound connection's, or its own) with {@code options}. */
  public <T> Flux<T> transaction(TxOptions options,
      Function<? super Tx, ? extends Publisher<T>> work) {
    return starts.transaction(options, work);
  }

  /** {@code work} in a transaction with {@code options}, its value emitted after COMMIT. */
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

  private <T> Mono<T> transactionMono(Function<? super Tx, ? extends Mono<T>> work) {
    return transactionMono(TxOptions.defaults(), work);
  }

  /** A transaction to end by hand, begun on a pooled connection of its own. */
  public Mono<Tx> begin(TxOptions options) {
    return starts.begin(options);
  }

  /** The {@code Db}'s {@link Tx} bound in {@code context}, or null. */
  public @Nullable Tx boundIn(ContextView context) {
    return links.boundIn(context);
  }

  /** {@code work} nested in {@code tx}, if {@code options} allow. */
  <T> Flux<T> join(Tx tx, TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    return links.join(tx, options, work);
  }

  /** The retries {@code options} set, else {@code fallback}. */
  RetryPolicy retryPolicyOr(TxOptions options, RetryPolicy fallback) {
    return links.retryPolicyOr(options, fallback);
  }

  @Override
  public Tx top(TxSession session, boolean manual) {
    return links.top(session, manual);
  }

  @Override
  public void opened(TxSession session) {
    open.add(session);
  }

  @Override
  public void closed(TxSession session) {
    open.remove(session);
  }

  /** What the transactions came to so far, and how long they were open. */
  public TxCounters counters() {
    return counters;
  }

  /** The planner. */
  public Planner planner() {
    return planner;
  }

  /** The models' definitions by name (their row readers build an include's children). */
  public Map<String, ModelDef<?>> modelDefs() {
    return modelDefs;
  }

  @Override
  public Schema models() {
    return schema;
  }

  @Override
  public Capability capability() {
    return driver.capability();
  }

  @Override
  public CursorKey cursorKey() {
    return cursorKey;
  }

  /** Rolls back the transactions still open, then closes the driver's pool. */
  public Mono<Void> close() {
    return Flux.defer(() -> Flux.fromIterable(List.copyOf(open)))
        .flatMap(s -> s.end(TxSession.End.DB_CLOSED, null).onErrorResume(e -> Mono.empty()))
        .then(Mono.defer(driver::close));
  }
}
