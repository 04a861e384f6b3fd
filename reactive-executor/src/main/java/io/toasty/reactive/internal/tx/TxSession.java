package io.toasty.reactive.internal.tx;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.driver.StatementTimeout;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.reactive.ConnectionBinding;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.internal.gate.Lane;
import io.toasty.reactive.internal.gate.SerialConnection;
import io.toasty.reactive.internal.tx.DurationTally;
import io.toasty.reactive.internal.tx.TxCounters;
import io.toasty.reactive.internal.write.RequiredOneCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One transaction on one pooled connection: begins it, and ends it exactly once, by whichever of
 * commit, rollback, cancel, {@code Tx.close()} or the {@code Db}'s close comes first. Each ending
 * is one sequential publisher (COMMIT or ROLLBACK, then release), started detached so that nobody
 * can cancel it half way, and the connection goes back to the pool on every path.
 */
public final class TxSession {
  private static final Logger LOG = LoggerFactory.getLogger(TxSession.class);
  public static final String ENDED = "the transaction has ended: run statements inside the "
      + "publisher the transaction's function returns, or before commit() or rollback()";

  /** Why a transaction ends. */
  public enum End {
    COMMIT("committed"),
    ROLLBACK("rolled back"),
    CLOSE("rolled back by close()"),
    CANCEL("rolled back after a cancel"),
    ABANDON("rolled back because its Tx was dropped while still open"),
    TIMEOUT("rolled back because it outlived its timeout"),
    DB_CLOSED("rolled back because its Db was closed");

    public final String done;

    End(String done) {
      this.done = done;
    }
  }

  private static final int NOT_BEGUN = 0;
  private static final int BEGINNING = 1;
  private static final int BEGUN = 2;
  private static final int BEGIN_FAILED = 3;

  private final TxHost host;
  public final SerialConnection connection;
  public final TxOptions options;
  private final TxCounters counters;
  private final AtomicInteger beginState = new AtomicInteger(NOT_BEGUN);
  private final AtomicInteger savepoints = new AtomicInteger();
  private final AtomicReference<End> ending = new AtomicReference<>();
  private final Sinks.Empty<Void> ended = Sinks.empty();
  private final Lane lane = new Lane(ENDED);
  /** The required has-ones its writes touched, checked before COMMIT. */
  public final RequiredOneCheck requiredOnes = new RequiredOneCheck();
  /**
   * The transaction is an outer owner's ({@link ConnectionBinding}): never committed or rolled
   * back here.
   */
  private final boolean joined;
  private static final long NO_DEADLINE = Long.MAX_VALUE;
  /** When a transaction from {@code db.begin()} times out ({@link #expireAfter}). */
  private volatile long deadlineNanos = NO_DEADLINE;
  private volatile long timeoutMillis;
  /** When BEGIN was answered ({@code System.nanoTime()}): the start of its time in TxTimes. */
  private volatile long begunAt;

  public TxSession(TxHost host, Connection connection, TxOptions options, TxCounters counters) {
    this(host, connection, options, counters, false);
  }

  public TxSession(TxHost host, Connection connection, TxOptions options, TxCounters counters,
      boolean joined) {
    this.joined = joined;
    this.host = host;
    this.connection = new SerialConnection(connection, ENDED);
    this.options = options;
    this.counters = counters;
    host.opened(this);
  }

  /**
   * {@code body}'s items in one transaction: one {@code usingWhen} whose resource is the
   * connection, whose body begins the transaction and runs {@code body}, and whose cleanups each
   * end it in one sequential publisher. Items pass on as {@code body} produces them; the stream
   * completes after COMMIT.
   */
  public static <T> Flux<T> run(TxHost host, Driver driver, TxOptions options, TxCounters counters,
      Function<TxSession, ? extends Publisher<T>> body) {
    return Flux.usingWhen(
            driver.connect().map(c -> new TxSession(host, c, options, counters)),
            session -> session.begin().thenMany(Flux.defer(() -> body.apply(session)))
                .concatWith(session.checkRequiredOnes().then(Mono.empty())),
            session -> session.end(End.COMMIT, null).onErrorMap(EndFailure::new),
            (session, error) -> session.end(End.ROLLBACK, error),
            session -> session.end(End.CANCEL, null))
        .onErrorMap(EndFailure::unwrap);
  }

  /**
   * Checks the required has-ones the transaction's writes touched ({@link RequiredOneCheck}),
   * in it: run before COMMIT.
   */
  public Mono<Void> checkRequiredOnes() {
    return Mono.defer(() -> requiredOnes.isEmpty() ? Mono.empty()
        : requiredOnes.check(host.top(this, false), host.models()));
  }

  /**
   * For a transaction from {@code db.begin()}: ends it with a rollback {@code limit} from now
   * unless it has ended by then, and gives each of its statements the time left, so that the
   * database stops one still running at the deadline. A transaction nobody ends (a forgotten
   * commit, a client that went away) thus gives its connection back.
   */
  public void expireAfter(Duration limit) {
    deadlineNanos = System.nanoTime() + limit.toNanos();
    timeoutMillis = limit.toMillis();
    Disposable timer = Mono.delay(limit).subscribe(t -> end(End.TIMEOUT, null));
    ended.asMono().subscribe(null, e -> timer.dispose(), timer::dispose);
  }

  /**
   * {@code work} under the transaction's deadline, if it has one; after the deadline ended the
   * transaction, the refusal of a statement says so with a {@link QueryTimeoutException}.
   */
  public <T> Flux<T> withinDeadline(Flux<T> work) {
    if (deadlineNanos == NO_DEADLINE) {
      return work;
    }
    return work.contextWrite(c -> StatementTimeout.withDeadline(c, deadlineNanos))
        .onErrorMap(e -> e instanceof IllegalStateException && endedBy() == End.TIMEOUT,
            e -> timedOut());
  }

  /** The error of work on a transaction its timeout ended. */
  public QueryTimeoutException timedOut() {
    return new QueryTimeoutException(host.capability().backend(), null, "the transaction did not "
        + "finish within its timeout of " + timeoutMillis + " ms; it was rolled back", null);
  }

  /** The lane of the transaction's top level. */
  public Lane lane() {
    return lane;
  }

  /** Sends BEGIN with the options. */
  public Mono<Void> begin() {
    return Mono.defer(() -> {
      beginState.set(BEGINNING);
      return connection.exec(beginOp(options)).then()
          .doOnSuccess(v -> begun())
          .doOnError(e -> beginState.set(BEGIN_FAILED));
    });
  }

  private void begun() {
    if (beginState.compareAndSet(BEGINNING, BEGUN)) {
      begunAt = System.nanoTime();
      counters.begun.incrementAndGet();
    }
  }

  /** A savepoint name not used before in this transaction. */
  public String nextSavepoint() {
    return "toasty_sp_" + savepoints.incrementAndGet();
  }

  /** Whether the transaction has started to end. */
  public boolean ending() {
    return ending.get() != null;
  }

  /** How the transaction ended or is ending, or null while it is open. */
  public @Nullable End endedBy() {
    return ending.get();
  }

  /**
   * Ends the transaction, now; the result completes when the connection is back. Only the first
   * call ends it: later ones see that ending's outcome ({@link End#COMMIT} fails, as the
   * transaction can no longer be committed). {@code cause}, on a rollback after an error, collects
   * a failed rollback as a suppressed exception instead of failing.
   */
  public Mono<Void> end(End how, @Nullable Throwable cause) {
    if (!ending.compareAndSet(null, how)) {
      // the compare-and-set failed, so an ending is set; it is never unset
      End first = Objects.requireNonNull(ending.get(), "the transaction's ending");
      if (how == End.COMMIT || (how == End.ROLLBACK && cause == null && first == End.COMMIT)) {
        return Mono.error(new IllegalStateException("the transaction was already " + first.done));
      }
      return ended.asMono().onErrorResume(e -> Mono.empty());
    }
    lane.close();
    connection.seal();
    Mono<Void> work = joined ? Mono.empty()
        : how == End.COMMIT ? commit() : rollback(how, cause);
    work.onErrorResume(e -> release(e).then(Mono.error(e)))
        .then(Mono.defer(() -> release(null)))
        .doFinally(s -> host.closed(this))
        .subscribe(null, ended::tryEmitError, ended::tryEmitEmpty);
    return ended.asMono();
  }

  private Mono<Void> commit() {
    return connection.execEnding(op(Operation.Transaction.Kind.COMMIT)).then()
        .doOnSuccess(v -> counters.committed.add(begunAt))
        .onErrorResume(commitError -> connection.execEnding(op(Operation.Transaction.Kind.ROLLBACK))
            .then()
            .onErrorResume(rollbackError -> {
              commitError.addSuppressed(rollbackError); // the failed COMMIT often ended it already
              return Mono.empty();
            })
            .then(Mono.error(() -> counted(outcome(commitError)))));
  }

  /** {@code error}, a failed commit's, counted: an unknown outcome apart from a rollback. */
  private Throwable counted(Throwable error) {
    (error instanceof CommitOutcomeUnknownException ? counters.commitOutcomeUnknown
        : counters.rolledBack).add(begunAt);
    return error;
  }

  /**
   * A COMMIT whose connection was lost may have been applied or not: say so, with a
   * non-transient error, so that no retry repeats a transaction that did commit. Where the driver
   * knows that nothing of the COMMIT was sent (the connection was found dead before it was
   * written), the database rolled the transaction back: a transient error says so, and a retry
   * may run it again (RetryTest, CommitOutcomeScenarios).
   */
  private Throwable outcome(Throwable commitError) {
    if (!(commitError instanceof ConnectionLostException lost)) {
      return commitError;
    }
    String backend = host.capability().backend();
    return lost.nothingSent() ? new TransactionRolledBackException(backend, lost)
        : new CommitOutcomeUnknownException(backend, lost);
  }

  private Mono<Void> rollback(End how, @Nullable Throwable cause) {
    int state = beginState.get();
    if (state == NOT_BEGUN || state == BEGIN_FAILED) {
      return Mono.empty(); // no transaction to end, only the connection to release
    }
    begun(); // a BEGIN cut short by a cancel may have begun one: it counts, and is rolled back
    DurationTally tally = how == End.CANCEL ? counters.cancelled : counters.rolledBack;
    Runnable count = () -> tally.add(begunAt);
    return connection.execEnding(op(Operation.Transaction.Kind.ROLLBACK)).then()
        .doOnSuccess(v -> count.run())
        .onErrorResume(e -> {
          count.run();
          counters.failedCleanups.incrementAndGet();
          if (cause != null) {
            cause.addSuppressed(e);
            return Mono.empty();
          }
          if (how == End.ROLLBACK || how == End.CLOSE) {
            return Mono.error(e); // an explicit rollback() or close(): its caller sees it
          }
          LOG.warn("ROLLBACK of a transaction {} failed; the connection is released all the same",
              how.done.replace("rolled back ", ""), e);
          return Mono.empty();
        });
  }

  /** Returns the connection; a failure is logged, counted, and added to {@code primary}. */
  private Mono<Void> release(@Nullable Throwable primary) {
    return connection.close().onErrorResume(e -> {
      counters.failedCleanups.incrementAndGet();
      if (primary != null) {
        primary.addSuppressed(e);
      } else {
        LOG.warn("releasing a transaction's connection failed", e);
      }
      return Mono.empty();
    });
  }

  /** Logs and counts a cleanup that failed after its subscriber had gone. */
  public void cleanupFailed(String what, Throwable error) {
    counters.failedCleanups.incrementAndGet();
    LOG.warn("{} failed after a cancel; the transaction goes on", what, error);
  }

  /** Rolls back a transaction whose {@code Tx} became unreachable while open. */
  public void abandon() {
    if (!ending()) {
      LOG.warn("a transaction from db.begin() was never committed or rolled back; rolling it back "
          + "now that its Tx is unreachable (call commit(), rollback() or close())");
      end(End.ABANDON, null);
    }
  }

  /** The driver operation that begins a transaction with {@code options}. */
  static Operation.Transaction beginOp(TxOptions options) {
    return new Operation.Transaction(Operation.Transaction.Kind.BEGIN,
        options.isolationLevel().map(i -> Operation.Transaction.Isolation.valueOf(i.name()))
            .orElse(null), options.isReadOnly(), null);
  }

  public static Operation.Transaction op(Operation.Transaction.Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }

  public static Operation.Transaction op(Operation.Transaction.Kind kind, String savepoint) {
    return new Operation.Transaction(kind, null, false, savepoint);
  }

  /**
   * Carries a commit's (or savepoint release's) error through {@code usingWhen}, which wraps
   * cleanup errors in a generic exception, so that the subscriber gets the driver's typed error.
   */
  public static final class EndFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndFailure(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }

    /** The typed error inside a wrapped {@code EndFailure}, else {@code e}. */
    static Throwable unwrap(Throwable e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof EndFailure f) {
          return Objects.requireNonNull(f.getCause(), "an EndFailure's cause");
        }
        if (c.getCause() == c) {
          break;
        }
      }
      return e;
    }
  }
}
