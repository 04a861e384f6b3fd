package io.toasty.sql.lane;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs one connection's operations one after another, each only once the work of the one before
 * is over, also when that one's subscriber cancelled; a write is not cut short by a cancel.
 *
 * <p>Why: cancelling an R2DBC statement does not stop it on the server, and the drivers do not
 * promise that a cancelled statement's request goes out before the next one. r2dbc-postgresql
 * sends an INSERT it must first prepare in two round trips, so a ROLLBACK issued right after the
 * cancel can reach the server first, and the INSERT then commits on its own (a partial write); a
 * BEGIN cancelled before its answer is read makes the driver skip the ROLLBACK that follows; the
 * sqlite-bridge runs a cancelled BEGIN on its thread after the ROLLBACK has looked. Here, a write
 * (INSERT, UPDATE, DELETE, and BEGIN/COMMIT/ROLLBACK/savepoints) whose subscriber cancels runs
 * to its end with its result dropped, and the next operation (the engine's ROLLBACK, the release
 * of the connection) waits for it. A read cancelled mid-stream stops reading at once.
 *
 * <p>An operation whose subscriber cancels before its turn came is never sent. Its place in the
 * lane is taken when it is subscribed, and a cancel can race that: the engine hands its own turn
 * to the ROLLBACK as soon as the statement's subscriber cancels, so the ROLLBACK may take its
 * place here first. Sent after the ROLLBACK, a cancelled INSERT would commit on its own (seen
 * once in a few thousand runs of the TCK's random-cancel scenario, as a group of two rows). So
 * an operation takes its place, then tells its subscriber ({@code onSubscribe}), and starts
 * only if the subscriber has not cancelled by then: a cancel that came before the place was
 * taken reaches the subscriber by then, and one after it finds the operation ahead of the
 * ROLLBACK.
 */
public final class OperationLane {
  /** What an operation waits for when the one before is over already. */
  private static final Mono<Void> NOTHING = Mono.empty();

  // a field updater, not an AtomicReference: one object fewer per connection lent
  private static final AtomicReferenceFieldUpdater<OperationLane, Slot> LAST =
      AtomicReferenceFieldUpdater.newUpdater(OperationLane.class, Slot.class, "last");

  /** The slot of the operation taken last, or null. */
  private volatile @Nullable Slot last;

  /** What a slot's {@code over} holds once its operation is over. */
  private static final Object OVER = new Object();

  /**
   * One operation's place in the lane. The signal that it is over is made only when the next
   * operation must wait for it: a lane whose operations find the one before over (a plan's
   * usual statement) makes none.
   */
  private final class Slot {
    private static final AtomicReferenceFieldUpdater<Slot, Object> SIGNAL =
        AtomicReferenceFieldUpdater.newUpdater(Slot.class, Object.class, "over");
    final Mono<Void> before;
    /** Null, the {@code Sinks.Empty} the next operation waits on, or {@link #OVER}. */
    volatile @Nullable Object over;

    Slot() {
      Slot previous = LAST.getAndSet(OperationLane.this, this);
      before = previous == null ? NOTHING : previous.overSignal();
    }

    boolean finished() {
      return over == OVER;
    }

    /** What the next operation waits for: nothing when this one is over already. */
    @SuppressWarnings("unchecked")
    private Mono<Void> overSignal() {
      Object o = over;
      if (o == null) {
        Sinks.Empty<Void> sink = Sinks.empty();
        if (SIGNAL.compareAndSet(this, null, sink)) {
          return sink.asMono();
        }
        o = over;
      }
      // the compareAndSet failed: another thread set over
      return o == OVER ? NOTHING : ((Sinks.Empty<Void>) Objects.requireNonNull(o)).asMono();
    }

    /** {@code work} once the operation before is over: at once when it already is. */
    <T> Flux<T> after(Flux<T> work) {
      return before == NOTHING ? work : before.thenMany(work);
    }

    /** This operation's work is over: the next may start once the one before is over too. */
    void release() {
      if (before == NOTHING) {
        finish(); // nothing to wait for: no subscription to an empty Mono
      } else {
        before.subscribe(null, e -> finish(), this::finish);
      }
    }

    @SuppressWarnings("unchecked")
    private void finish() {
      Object o = SIGNAL.getAndSet(this, OVER);
      if (o instanceof Sinks.Empty<?> sink) {
        ((Sinks.Empty<Void>) sink).tryEmitEmpty();
      }
    }
  }

  /**
   * Takes a turn and ends it at once, when no operation is under way and {@code nothingToDo}
   * holds then (checked after every operation before has ended, as in a turn of its own): true.
   * Else takes nothing: false, and the caller takes its turn with {@link #write}.
   */
  public boolean passIfIdle(BooleanSupplier nothingToDo) {
    Slot previous = last;
    if (previous != null && !previous.finished() || !nothingToDo.getAsBoolean()) {
      return false;
    }
    // An operation that took a place meanwhile fails the swap. After it, the next operation
    // finds no place taken: its turn is now, as after a turn that has ended.
    return LAST.compareAndSet(this, previous, null);
  }

  /**
   * {@code work}, started in its turn and run to its end whether or not its subscriber stays: the
   * returned Mono only observes it.
   */
  public <T> Mono<T> write(Mono<T> work) {
    return new WriteInTurn<>(work);
  }

  /**
   * A write taking its place in the lane when subscribed. The subscriber is told first, so that
   * one that had cancelled already (its cancel raced the subscription, see {@link
   * DrainOnCancel.Drain#start}) cancels the start before the work could begin: never sent.
   */
  private final class WriteInTurn<T> extends Mono<T> {
    private final Mono<T> work;

    WriteInTurn(Mono<T> work) {
      this.work = work;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      Slot slot = new Slot();
      Start start = new Start();
      Sinks.One<T> result = Sinks.one();
      result.asMono().doOnCancel(start::cancel).subscribe(actual);
      // the turn ends before the result is told: the close that follows finds the lane idle
      slot.before.then(Mono.defer(() -> start.begin() ? work : Mono.<T>empty()))
          .subscribe(new ResultAfterTurn<>(slot::release, result));
    }
  }

  /**
   * Rows of a write (INSERT/UPDATE/DELETE ... RETURNING), started in their turn when subscribed;
   * a cancelled subscriber stops receiving them, but the statement is read to its end.
   */
  public <T> Flux<T> writeRows(Flux<T> rows) {
    return writeRows(rows, null);
  }

  /**
   * {@link #writeRows(Flux)} with each error the subscriber gets translated by {@code errors}
   * (null: as it is), as {@code onErrorMap(errors)} would, in the same subscriber. When the
   * operation before is over already (a plan's usual statement), the subscriber's one
   * {@link DrainOnCancel.Drain} subscribes to {@code rows} at once: nothing else per statement.
   */
  public <T> Flux<T> writeRows(Flux<T> rows, @Nullable Function<Throwable, Throwable> errors) {
    return new InTurn<>(rows, errors, true);
  }

  /**
   * Rows of a read, started in their turn when subscribed; a cancel stops reading at once, but
   * the next operation waits until no call into the read is still running.
   *
   * <p>Why: an embedded driver (r2dbc-h2) executes the query inside the call that subscribes to
   * or requests its rows, on the caller's thread, and a cancel from another thread (a timeout, a
   * client gone) does not stop that call. Released at the cancel, the turn would let the
   * connection go back to the pool, and to the next borrower, while the query still ran on the
   * session: two threads on one H2 session, which H2 does not promise to survive (its session
   * close and command reuse are not under the session's lock).
   */
  public <T> Flux<T> readRows(Flux<T> rows) {
    return readRows(rows, null);
  }

  /**
   * {@link #readRows(Flux)} with each error the subscriber gets translated by {@code errors}
   * (null: as it is), as {@code onErrorMap(errors)} would. When the operation before is over
   * already, the {@link QuietRelease}'s counting subscriber subscribes to {@code rows} at once.
   */
  public <T> Flux<T> readRows(Flux<T> rows, @Nullable Function<Throwable, Throwable> errors) {
    return new InTurn<>(rows, errors, false);
  }

  /**
   * Rows taking their place in the lane when subscribed: a {@code Flux.defer} of
   * {@link #writeRows} or {@link #readRows} as one publisher, with the error translation in
   * the subscriber that passes the rows on.
   */
  private final class InTurn<T> extends Flux<T> {
    private final Flux<T> rows;
    private final @Nullable Function<Throwable, Throwable> errors;
    /** Read to the end when cancelled ({@link #writeRows}), else cut short ({@link #readRows}). */
    private final boolean drain;

    InTurn(Flux<T> rows, @Nullable Function<Throwable, Throwable> errors, boolean drain) {
      this.rows = rows;
      this.errors = errors;
      this.drain = drain;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      Slot slot = new Slot();
      if (drain) {
        if (slot.before == NOTHING) {
          // Its turn is now: the Drain tells the subscriber first and sends nothing if it
          // cancelled by then (a cancel that raced this subscription), so no Start is needed.
          new DrainOnCancel.Drain<>(actual, null, slot::release, errors).start(rows);
          return;
        }
        Start start = new Start();
        Flux<T> started = Flux.defer(() -> start.begin() ? rows : Flux.<T>empty());
        new DrainOnCancel<>(slot.after(started), start::cancel, slot::release, errors)
            .subscribe(actual);
        return;
      }
      QuietRelease turn = new QuietRelease(slot::release);
      if (slot.before == NOTHING) {
        turn.subscribe(rows, actual, errors); // its own end and cancel release the turn
        return;
      }
      // Waiting for the operation before, a cancel or an error comes before the watch exists.
      Flux<T> waited = slot.after(turn.watch(rows))
          .doOnCancel(turn::cancelled)
          .doOnTerminate(turn::ended);
      (errors == null ? waited : waited.onErrorMap(errors)).subscribe(actual);
    }
  }

  /** Whether an operation is sent: either its turn comes first, or its subscriber's cancel. */
  private static final class Start {
    private static final int WAITING = 0;
    private static final int STARTED = 1;
    private static final int CANCELLED = 2;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    /** The turn came: true if the operation is to be sent, false if it was cancelled before. */
    boolean begin() {
      return state.compareAndSet(WAITING, STARTED);
    }

    /** The subscriber cancelled: an operation not yet sent never will be. */
    void cancel() {
      state.compareAndSet(WAITING, CANCELLED);
    }
  }
}
