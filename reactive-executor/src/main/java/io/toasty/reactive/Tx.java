package io.toasty.reactive;

import io.toasty.CursorKey;
import io.toasty.CypherStatement;
import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.internal.KeysetWindows;
import io.toasty.ModelDef;
import io.toasty.SqlStatement;
import io.toasty.Statement;
import io.toasty.driver.Operation;
import io.toasty.error.TenantScopeException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.planner.path.PlanPath;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.reactive.exec.Interpreter;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.internal.gate.Lane;
import io.toasty.reactive.internal.route.KeyUpdateRuns;
import io.toasty.reactive.internal.route.RawRefusals;
import io.toasty.reactive.internal.route.RawStatements;
import io.toasty.reactive.internal.route.Router;
import io.toasty.reactive.internal.route.SteppedPath;
import io.toasty.reactive.internal.tx.IncludeWindows;
import io.toasty.reactive.internal.tx.SavepointScope;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.reactive.internal.write.CardinalityCheck;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A transaction: an {@link Executor} bound to one pooled connection with a transaction begun.
 * Pass it where a {@code Db} would go ({@code Users.create()...exec(tx)}) and the statement runs
 * in the transaction.
 *
 * <p>Two ways to get one:
 * <ul>
 *   <li>{@link Db#transaction(Function) db.transaction(tx -> ...)} hands one to a function and
 *       ends it for you: COMMIT when the function's publisher completes, ROLLBACK when it fails or
 *       its subscriber cancels. {@link #commit()}, {@link #rollback()} and {@link #close()} are
 *       refused there; signal an error to roll back.
 *   <li>{@link Db#begin()} gives one to end yourself with {@link #commit()} or {@link #rollback()}
 *       (each a {@code Mono<Void>} that completes once the connection is back in the pool).
 *       {@link #close()} rolls back if still open. A {@code Tx} dropped while open is rolled
 *       back when the garbage collector finds it unreachable, with a warning, and every open
 *       transaction is rolled back when its {@code Db} closes; do not rely on either.
 * </ul>
 *
 * <p>Statements on one transaction run one at a time, in the order they are subscribed (its
 * connection takes one operation at a time): {@code Mono.zip(a.exec(tx), b.exec(tx))} is safe.
 * A statement whose rows are still being read when another is issued reads the rest of its rows
 * into memory and hands the connection on, so reading a stream while writing in the same
 * transaction cannot deadlock; its memory is then bounded by the rest of that result.
 *
 * <p>While {@code db.transaction(..)}'s function runs, the transaction is bound in the Reactor
 * {@code Context} under {@link #CONTEXT_KEY}: {@code db.exec(..)} (and so
 * {@code Users...exec(db)}) subscribed inside that publisher runs in the transaction too, and
 * {@code db.transaction(..)} there nests (a savepoint). To have {@code db} join a transaction
 * from {@link Db#begin()}, bind it yourself: {@code .contextWrite(Tx.CONTEXT_KEY, tx)}.
 */
public final class Tx implements Executor {
  /**
   * The Reactor {@code Context} key under which a {@code Tx} is bound. A {@link Db} runs
   * statements and nested transactions in the {@code Tx} it finds there, if that {@code Tx}
   * belongs to it (another {@code Db}'s transaction is ignored).
   */
  public static final String CONTEXT_KEY = "io.toasty.reactive.Tx";

  private static final Cleaner CLEANER = Cleaner.create();

  private final Router router;
  private final TxSession session;
  private final @Nullable Tx parent;
  private final Lane lane;
  private final boolean manual;

  private Tx(Router router, TxSession session, @Nullable Tx parent, Lane lane, boolean manual) {
    this.router = router;
    this.session = session;
    this.parent = parent;
    this.lane = lane;
    this.manual = manual;
  }

  /** The top level of {@code session}; a manual one is rolled back if dropped while open. */
  static Tx top(Router router, TxSession session, boolean manual) {
    Tx tx = new Tx(router, session, null, session.lane(), manual);
    if (manual) {
      CLEANER.register(tx, session::abandon);
    }
    return tx;
  }

  /** The {@code Tx} of {@code router}'s {@code Db} bound in {@code context}, or null. */
  static @Nullable Tx boundIn(ContextView context, Router router) {
    Object bound = context.getOrDefault(CONTEXT_KEY, null);
    return bound instanceof Tx tx && tx.router == router ? tx : null;
  }

  /** The {@code Db}'s cursor key: a page read in a transaction is continued outside it. */
  @Override
  public CursorKey cursorKey() {
    return router.cursorKey();
  }

  /**
   * Plans and runs {@code statement} in this transaction. Inside a nested transaction of this
   * one (bound in the Context), it runs in the nested one.
   */
  @Override
  public Flux<Value> exec(StatementNode written) {
    Objects.requireNonNull(written, "statement");
    return Flux.deferContextual(context -> {
      // a refusal thrown here is the Flux's error signal: nothing was sent
      List<StatementNode> all = router.tenants().applyAll(written, context);
      if (all.size() == 1) {
        return execScoped(all.get(0));
      }
      // the soft deletes a soft delete cascades to go first (HideDeleted.cascades)
      return Flux.fromIterable(all.subList(0, all.size() - 1)).concatMap(this::execScoped)
          .thenMany(Flux.defer(() -> execScoped(all.get(all.size() - 1))));
    });
  }

  /** {@link #exec} of a statement confined to its tenant scope. */
  private Flux<Value> execScoped(StatementNode statement) {
    if (!router.hooks().touches(statement)) {
      return execUnhooked(statement);
    }
    // In a savepoint where there are: a veto the caller catches (to commit the rest) leaves
    // nothing of the statement, nor of its hooks' writes (HookScenarios).
    return router.capability().savepoints()
        ? transactionMono(sub -> sub.hooked(statement).collectList())
            .flatMapIterable(rows -> rows)
        : hooked(statement);
  }

  /** {@code statement} with the hooks of the models it writes, in this transaction itself. */
  Flux<Value> hooked(StatementNode statement) {
    return router.hooks().run(this, statement, this::execUnhooked);
  }

  /** {@link #exec} of a statement whose hooks have run, or that has none. */
  private Flux<Value> execUnhooked(StatementNode statement) {
    // A write limited by a relation's @AtMost is checked in a savepoint where there is one, so
    // that a refused write leaves this transaction as it was; its values come after the
    // savepoint is released, so that taking only the first cannot cancel (undo) the write.
    // Without savepoints it is checked before it is sent.
    return router.cardinalityChecked(statement, this::execPlain,
        guards -> router.capability().savepoints()
            ? transactionMono(sub -> sub.checked(statement, guards).collectList())
                .flatMapIterable(rows -> rows)
            : CardinalityCheck.runBefore(this, router.models(),
                router.capability(), statement, guards, this::execPlain,
                session.requiredOnes::add));
  }

  /** {@code statement} in this transaction, checked against {@code guards} (see {@link Db}). */
  Flux<Value> checked(StatementNode statement,
      List<CardinalityGuard> guards) {
    return CardinalityCheck.run(this, router.models(), router.capability(),
        statement, guards, this::execPlain, session.requiredOnes::add);
  }

  /** {@link #exec} without the cardinality check. */
  private Flux<Value> execPlain(StatementNode statement) {
    return session.withinDeadline(Flux.deferContextual(context -> router.observed(statement,
        true, innermost(context).run(statement))));
  }

  /** Chunks of a bulk stream in this transaction: as its {@code Db} sizes them. */
  @Override
  public int bulkChunkRows(@Nullable ModelDef<?> model) {
    return router.bulkChunkRows(model);
  }

  /**
   * Runs a batch's statements in this transaction, nested (a savepoint): a failing statement
   * undoes the batch's writes and fails the batch, and this transaction goes on. Where the
   * backend has no savepoints (Neo4j) the statements run in this transaction itself, as a plan
   * of several statements does: the transaction holds them together, and a failure fails it.
   */
  @Override
  public Mono<List<Object>> execBatch(
      List<Statement.Snapshot<?>> statements) {
    if (!router.capability().savepoints()) {
      return io.toasty.Batch.inOrder(this, statements);
    }
    return transactionMono(tx -> KeyUpdateRuns.inOrder(router, tx, statements));
  }

  /**
   * Runs {@code work} in a nested transaction: a savepoint, released when {@code work}'s
   * publisher completes, rolled back to when it fails or is cancelled; the outer transaction
   * goes on either way (catch the error to commit the rest). Items pass on as produced.
   *
   * @throws UnsupportedFeatureException (as the signal) where the backend has no savepoints
   */
  public <T> Flux<T> transaction(Function<? super Tx, ? extends Publisher<T>> work) {
    Objects.requireNonNull(work, "work");
    return session.withinDeadline(Flux.deferContextual(context -> innermost(context).nest(work)));
  }

  /** {@link #transaction(Function)} for a single result, emitted once the savepoint is released. */
  public <T> Mono<T> transactionMono(Function<? super Tx, ? extends Mono<T>> work) {
    Objects.requireNonNull(work, "work");
    return transaction(work).singleOrEmpty();
  }

  /**
   * Commits a transaction from {@link Db#begin()} and releases its connection. Fails (as the
   * signal) with the driver's error when COMMIT fails; the transaction is then rolled back and
   * the connection released all the same. Fails with {@code QueryTimeoutException} when its
   * timeout rolled it back ({@link TxOptions#timeout}), with {@code IllegalStateException} when
   * it has otherwise already ended, or is not one from {@code begin()}.
   */
  public Mono<Void> commit() {
    return Mono.defer(() -> !manual ? refused("commit")
        : session.endedBy() == TxSession.End.TIMEOUT ? Mono.error(session.timedOut())
        : session.checkRequiredOnes()
            .onErrorResume(e -> session.end(TxSession.End.ROLLBACK, e).then(Mono.error(e)))
            .then(Mono.defer(() -> session.end(TxSession.End.COMMIT, null))));
  }

  /**
   * Rolls back a transaction from {@link Db#begin()} and releases its connection. Completes at
   * once if it was already rolled back; fails if it was committed.
   */
  public Mono<Void> rollback() {
    return Mono.defer(() -> manual ? session.end(TxSession.End.ROLLBACK, null)
        : refused("rollback"));
  }

  /**
   * Rolls back a transaction from {@link Db#begin()} if it is still open, and releases its
   * connection; completes once that is done. Does nothing after a commit or rollback.
   */
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!manual) {
        return refused("close");
      }
      return session.end(TxSession.End.CLOSE, null);
    });
  }

  /** How the transaction began. */
  public TxOptions options() {
    return session.options;
  }

  /** Whether this is a nested transaction (a savepoint of another). */
  public boolean isNested() {
    return parent != null;
  }

  /** Whether the transaction is still open: neither committed nor rolled back, nor ending. */
  public boolean isOpen() {
    return !session.ending();
  }

  @Override
  public String toString() {
    TxSession.End end = session.endedBy();
    return "Tx[" + (parent == null ? "" : "nested, ") + session.options
        + (end == null ? ", open" : ", " + end.done) + "]";
  }

  /** The innermost transaction bound in {@code context} that nests in this one, else this. */
  private Tx innermost(ContextView context) {
    Object bound = context.getOrDefault(CONTEXT_KEY, null);
    if (bound instanceof Tx tx && tx != this) {
      for (Tx t = tx.parent; t != null; t = t.parent) {
        if (t == this) {
          return tx;
        }
      }
    }
    return this;
  }

  /** Runs {@code work} nested in this transaction, if {@code options} allow. */
  <T> Flux<T> join(TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    if (!options.sameTransaction(TxOptions.defaults())
        && !options.sameTransaction(session.options)) {
      return Flux.error(new IllegalArgumentException("a nested transaction keeps the options of "
          + "the transaction it joins (" + session.options + "), so it cannot use " + options));
    }
    return nest(work);
  }

  private <T> Flux<T> nest(Function<? super Tx, ? extends Publisher<T>> work) {
    if (!router.capability().savepoints()) {
      return Flux.error(new UnsupportedFeatureException(Feature.SAVEPOINTS,
          router.capability().backend(), "run the work in the outer transaction"));
    }
    return lane.submit(() -> {
      Tx inner = new Tx(router, session, this, new Lane(TxSession.ENDED), false);
      return SavepointScope.run(session,
          () -> Flux.from(work.apply(inner)).contextWrite(c -> c.put(CONTEXT_KEY, inner)),
          inner.lane::close);
    });
  }

  /** A raw SQL statement in this transaction; see {@link SqlStatement}. */
  public SqlStatement sql(String sql) {
    return new SqlStatement(this, sql);
  }

  /** Runs a raw statement on this transaction's connection, in its turn. */
  @Override
  public Optional<UnsupportedFeatureException> rawSqlRefusal() {
    return router.capability().rawSql() ? Optional.empty()
        : Optional.of(RawStatements.noRawSql(router.capability()));
  }

  @Override
  public Flux<Value.Record> execRaw(Operation.RawSql sql) {
    Objects.requireNonNull(sql, "sql");
    if (!router.capability().rawSql()) {
      return Flux.error(RawStatements.noRawSql(router.capability()));
    }
    return router.inTenantScope(sql, () -> sendRaw(sql));
  }

  /** A Cypher statement in this transaction; see {@link CypherStatement}. */
  public CypherStatement cypher(String text) {
    return new CypherStatement(this, text);
  }

  @Override
  public Optional<UnsupportedFeatureException> cypherRefusal() {
    return RawRefusals.cypher(router.capability());
  }

  @Override
  public String tableOf(ModelDef<?> model) {
    return router.tableOf(model);
  }

  @Override
  public Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    Objects.requireNonNull(statement, "statement");
    return cypherRefusal().<Flux<Value.Record>>map(Flux::error)
        .orElseGet(() -> router.inTenantScope(statement, () -> sendRaw(statement)));
  }

  /** A path query on this transaction's connection; see {@link io.toasty.PathQuery}. */
  @Override
  public Flux<Value.Record> execPath(PathNode path) {
    Objects.requireNonNull(path, "path");
    if (!router.capability().pathQueries()) {
      return router.tenants().checked(path, SteppedPath.run(path, router.models(), this));
    }
    return Flux.deferContextual(context -> {
      TenantScopeException refused = router.tenants().pathRefusal(path, context);
      return refused != null ? Flux.<Value.Record>error(refused)
          : sendRaw(PlanPath.plan(path, router.models(), router.capability()));
    });
  }

  /** Runs a raw statement on this transaction's connection, in its turn, observed. */
  private Flux<Value.Record> sendRaw(Operation raw) {
    return session.withinDeadline(Flux.deferContextual(context -> {
      Tx tx = innermost(context);
      Sender sender = tx.session.connection;
      return router.observedRaw(raw, true, tx.lane.submit(() -> sender.send(raw)));
    }));
  }

  private Flux<Value> run(StatementNode statement) {
    BoundPlan bound = router.bind(statement);
    ActionPlan actions = bound.plan().actions();
    Sender sender = session.connection;
    Optional<KeysetWindows> windows = IncludeWindows.of(router.models(), statement, actions);
    if (windows.isPresent()) {
      // One turn of the lane for the whole walk: a statement issued while it streams makes it
      // read its remaining windows at once, as any statement's rest is read (Lane).
      return lane.submit(() -> windows.get().walk(window -> {
        BoundPlan b = router.bind(window);
        return router.results(b, Interpreter.run(b.plan().actions(), b.args(), sender,
            router.modelDefs()));
      }));
    }
    Flux<Value.Record> rows;
    if (!actions.needsConnection()) {
      rows = Interpreter.run(actions, bound.args(), (Sender) null);
    } else if (actions.transaction() && router.capability().savepoints()) {
      // already atomic in this transaction, but a caught failure must not leave half its writes;
      // its rows are handed on once the savepoint is released
      rows = lane.submit(() -> SavepointScope.run(session,
              () -> Interpreter.run(actions, bound.args(), sender).collectList(), () -> { })
          .singleOrEmpty()
          .flatMapIterable(list -> list));
    } else {
      rows = lane.submit(() -> Interpreter.run(actions, bound.args(), sender,
          router.modelDefs()));
    }
    return router.results(bound, rows);
  }

  private Mono<Void> refused(String what) {
    return Mono.error(new IllegalStateException(what + "() is for transactions from db.begin(); "
        + (parent != null ? "a nested transaction ends with its function's publisher"
            : "db.transaction(..) commits when its function's publisher completes and rolls back "
                + "when it fails or is cancelled")));
  }
}
