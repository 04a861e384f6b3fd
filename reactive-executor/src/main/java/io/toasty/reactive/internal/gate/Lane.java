package io.toasty.reactive.internal.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Admits one unit of work at a time (a statement, or a nested transaction), in arrival order. A
 * unit holds its turn until its upstream ends (completes, fails or is cancelled); waiting is
 * cancellable. Once {@link #close closed}, waiting and later units fail with the lane's message.
 *
 * <p>So that a unit waiting behind another never waits for ever on the holder's consumer (a
 * statement issued while the holder's rows are still being read, as in
 * {@code stream(tx).concatMap(u -> update(u).exec(tx))}), a holder whose turn is wanted
 * {@link Spill spills}: it reads the rest of its rows into memory, ends, and hands the turn on.
 */
public final class Lane {
  private final String closedMessage;
  private final ArrayDeque<Turn> waiting = new ArrayDeque<>();
  /** Turns granted on hand-on and not yet told (see {@link #deliver}). */
  private final ArrayDeque<Turn> granted = new ArrayDeque<>();
  private final AtomicInteger delivering = new AtomicInteger();
  private @Nullable Turn holder;
  private boolean closed;

  public Lane(String closedMessage) {
    this.closedMessage = closedMessage;
  }

  /** {@code work}'s items, run when this lane's turn comes; nothing waits before subscription. */
  public <T> Flux<T> submit(Supplier<? extends Publisher<T>> work) {
    return Flux.deferContextual(context -> {
      Spill<T> spill = new Spill<>();
      Flux<T> upstream = acquire(spill::spill).flatMapMany(t -> t.start()
          ? Flux.defer(work).doFinally(s -> t.finish())
          : Flux.empty());
      return spill.wrap(upstream, context);
    });
  }

  /**
   * The turn, when it comes; {@code onContention} runs (outside any lock) whenever another unit
   * starts waiting behind this one. The subscriber {@link Turn#start starts} the turn and
   * {@link Turn#finish finishes} it; cancelling before it started gives it up.
   */
  Mono<Turn> acquire(@Nullable Runnable onContention) {
    return Mono.defer(() -> acquire(new Turn(this, onContention)));
  }

  /** Fails the waiting units and every later one; the holder runs on. Idempotent. */
  public void close() {
    List<Turn> failed;
    synchronized (this) {
      closed = true;
      failed = new ArrayList<>(waiting);
      waiting.clear();
    }
    failed.forEach(t -> t.fail(new IllegalStateException(closedMessage)));
  }

  /** Whether a unit holds the turn or waits for it (for tests). */
  synchronized boolean busy() {
    return holder != null || !waiting.isEmpty();
  }

  private Mono<Turn> acquire(Turn turn) {
    return Mono.create(sink -> {
      sink.onCancel(() -> abandon(turn));
      Runnable contended = null;
      int outcome;
      synchronized (this) {
        if (turn.state.get() == Turn.DONE) {
          return; // cancelled before it queued
        }
        if (closed) {
          turn.state.set(Turn.DONE);
          outcome = Turn.DONE;
        } else if (holder == null) {
          holder = turn;
          turn.state.set(Turn.GRANTED);
          outcome = Turn.GRANTED;
        } else {
          turn.sink = sink;
          waiting.add(turn);
          contended = holder.onContention;
          outcome = Turn.WAITING;
        }
      }
      if (outcome == Turn.GRANTED) {
        sink.success(turn);
      } else if (outcome == Turn.DONE) {
        sink.error(new IllegalStateException(closedMessage));
      } else if (contended != null) {
        contended.run();
      }
    });
  }

  /** The subscriber stopped waiting, or cancelled between grant and start. */
  private void abandon(Turn turn) {
    boolean handOn = false;
    synchronized (this) {
      if (turn.state.get() == Turn.WAITING) {
        turn.state.set(Turn.DONE);
        waiting.remove(turn);
      } else if (turn.state.compareAndSet(Turn.GRANTED, Turn.DONE)) {
        handOn = true;
      }
    }
    if (handOn) {
      handOn(turn);
    }
  }

  /**
   * Passes the turn from {@code from} to the next waiting unit. The grant is delivered by
   * {@link #deliver}, never from inside another grant's delivery: a unit whose work ends before
   * its grant returns (a synchronous query, as on H2) would otherwise hand on from within the
   * grant, one stack frame per queued unit.
   */
  private void handOn(Turn from) {
    synchronized (this) {
      if (holder != from) {
        return;
      }
      holder = closed ? null : waiting.poll();
      if (holder != null) {
        holder.state.set(Turn.GRANTED);
        granted.add(holder);
      }
    }
    deliver();
  }

  /**
   * Tells granted units that their turn came, one after the other on the thread that got here
   * first; a call made while another is delivering leaves its grant to that one (a trampoline).
   */
  @SuppressWarnings("NullAway") // a turn granted on hand-on waited, so its sink is set
  private void deliver() {
    if (delivering.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      Turn next;
      while ((next = nextGranted()) != null) {
        next.sink.success(next);
      }
      missed = delivering.addAndGet(-missed);
    } while (missed != 0);
  }

  private synchronized @Nullable Turn nextGranted() {
    return granted.poll();
  }

  /** One unit's place in the lane. */
  static final class Turn {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int RUNNING = 2;
    static final int DONE = 3;

    final AtomicInteger state = new AtomicInteger(WAITING);
    final Lane lane;
    final @Nullable Runnable onContention;
    /** Set when the turn waits, before it is queued: only a waiting turn is granted or failed. */
    @Nullable MonoSink<Turn> sink;

    Turn(Lane lane, @Nullable Runnable onContention) {
      this.lane = lane;
      this.onContention = onContention;
    }

    /** Claims a granted turn for its work; false when it was abandoned meanwhile. */
    boolean start() {
      return state.compareAndSet(GRANTED, RUNNING);
    }

    /** Ends a started turn and hands the lane on. Idempotent. */
    void finish() {
      if (state.compareAndSet(RUNNING, DONE)) {
        lane.handOn(this);
      }
    }

    @SuppressWarnings("NullAway") // only a waiting turn fails, and it set its sink to wait
    void fail(Throwable error) {
      if (state.compareAndSet(WAITING, DONE)) {
        sink.error(error);
      }
    }
  }
}
