package io.toasty.reactive.internal.gate;

import io.toasty.driver.DeadlineTimer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The pool's connections as permits, handed out several at once or not at all, first come first
 * served.
 *
 * <p>Why: a plan that holds one pooled connection and then waits for another deadlocks as soon as
 * as many such plans run at once as the pool has connections (each holds one, all wait). A plan
 * that needs two connections takes two permits in one step here, before it takes any connection,
 * so no holder ever waits for a permit; the pool, never asked for more connections than it has,
 * serves every permit holder without waiting for another holder's progress.
 *
 * <p>Strictly FIFO: a request for two permits at the head is served before a later request for
 * one, so that no request starves. {@link #tryAcquire()} takes a permit only when one is free and
 * nobody waits: an opportunistic extra that never jumps the queue.
 */
public final class ConnectionGate {
  private final int size;
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  /** Calls of {@link #drain()} not yet served; non-zero while a thread drains. */
  private final AtomicInteger draining = new AtomicInteger();
  private int free;

  ConnectionGate(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a gate needs at least one permit, not " + size);
    }
    this.size = size;
    this.free = size;
  }

  /** How many permits there are in all (the pool's max size). */
  int size() {
    return size;
  }

  /** Permits free now. */
  public synchronized int free() {
    return free;
  }

  /** Requests waiting now. */
  synchronized int waiting() {
    return queue.size();
  }

  /**
   * {@code n} permits (at most {@link #size()}), when they are free and every earlier request was
   * served; an error from {@code timeout} if that takes longer than {@code wait}. Cancelling
   * gives up the wait, or gives back permits granted but not yet delivered: exactly one of the
   * subscriber and the gate owns a granted permit.
   */
  Mono<Permit> acquire(int n, Duration wait, Supplier<Throwable> timeout) {
    int wanted = Math.max(1, Math.min(n, size));
    return Mono.fromDirect(subscriber -> {
      Waiter w = new Waiter(wanted, Operators.toCoreSubscriber(subscriber), wait, timeout);
      subscriber.onSubscribe(w);
      w.enqueue();
    });
  }

  /** One permit if one is free now and nobody waits, else null. */
  @Nullable Permit tryAcquire() {
    synchronized (this) {
      if (!queue.isEmpty() || free == 0) {
        return null;
      }
      free--;
    }
    return new Permit(1);
  }

  /**
   * Serves the waiters at the head while their permits are free. One thread drains at a time and
   * loops while others asked meanwhile: a granted waiter whose work ends at once (an embedded
   * database answers on the granting thread) gives its permit back and asks for a drain from
   * inside this one, and with hundreds waiting, draining recursively overflowed the stack.
   */
  private void drain() {
    if (draining.getAndIncrement() != 0) {
      return; // the thread draining now runs one more round for this call
    }
    int missed = 1;
    do {
      List<Waiter> served = new ArrayList<>();
      synchronized (this) {
        while (!queue.isEmpty() && queue.peek().n <= free) {
          Waiter w = queue.poll();
          free -= w.n;
          served.add(w);
        }
      }
      for (Waiter w : served) {
        w.grant(new Permit(w.n));
      }
      missed = draining.addAndGet(-missed);
    } while (missed != 0);
  }

  private void give(int n) {
    synchronized (this) {
      free = Math.min(size, free + n);
    }
    drain();
  }

  private void abandon(Waiter w) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(w);
    }
    if (removed) {
      drain(); // a request for many at the head may have held back smaller ones behind it
    }
  }

  /**
   * One request: in the queue until served, then holding its permit until the subscriber has
   * asked for it. Its state decides who owns a granted permit when a cancel races the delivery,
   * and whether the deadline or the grant ends the wait. The deadline is on the shared
   * {@link DeadlineTimer}: a task per waiting request on the parallel scheduler woke a thread per
   * request under load (docs/design/performance.md).
   */
  private final class Waiter extends DeadlineTimer.Wait implements Subscription {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int DELIVERED = 2;
    static final int GONE = 3;
    final int n;
    final CoreSubscriber<? super Permit> actual;
    final AtomicInteger state = new AtomicInteger(WAITING);
    final Duration wait;
    final Supplier<Throwable> timeout;
    volatile boolean requested;
    /** Set by {@link #grant} before the move out of {@code WAITING}. */
    volatile @Nullable Permit permit;

    Waiter(int n, CoreSubscriber<? super Permit> actual, Duration wait,
        Supplier<Throwable> timeout) {
      this.n = n;
      this.actual = actual;
      this.wait = wait;
      this.timeout = timeout;
    }

    void enqueue() {
      boolean now;
      synchronized (ConnectionGate.this) {
        if (state.get() != WAITING) {
          return; // cancelled in onSubscribe
        }
        // Free permits and nobody ahead: served at once, with no deadline to start and stop
        // (the usual case when the pool is not full).
        now = queue.isEmpty() && free >= n;
        if (now) {
          free -= n;
        } else {
          queue.add(this);
        }
      }
      if (now) {
        grant(new Permit(n));
        return;
      }
      if (state.get() == WAITING) {
        DeadlineTimer.shared().start(this, wait);
        if (state.get() != WAITING) {
          stopDeadline(); // granted or cancelled meanwhile, perhaps before the deadline was in
        }
      }
      drain();
    }

    void grant(Permit p) {
      permit = p;
      if (!state.compareAndSet(WAITING, GRANTED)) {
        give(n); // it gave up while being served
        return;
      }
      stopDeadline();
      deliver();
    }

    @SuppressWarnings("NullAway") // GRANTED: grant(..) set the permit first
    private void deliver() {
      if (requested && state.compareAndSet(GRANTED, DELIVERED)) {
        actual.onNext(permit);
        actual.onComplete();
      }
    }

    @Override
    protected void expire() {
      if (state.compareAndSet(WAITING, GONE)) {
        abandon(this);
        actual.onError(timeout.get());
      }
    }

    @Override
    public void request(long count) {
      if (count > 0) {
        requested = true;
        deliver();
      }
    }

    @Override
    @SuppressWarnings("NullAway") // GRANTED: grant(..) set the permit first
    public void cancel() {
      for (;;) {
        int s = state.get();
        if (s == WAITING && state.compareAndSet(WAITING, GONE)) {
          stopDeadline();
          abandon(this);
          return;
        }
        if (s == GRANTED && state.compareAndSet(GRANTED, GONE)) {
          permit.release(); // granted, never delivered: still the gate's
          return;
        }
        if (s == DELIVERED || s == GONE) {
          return;
        }
      }
    }
  }

  /** Permits held; {@link #release()} gives them back, once. */
  final class Permit {
    // a field updater, not an AtomicBoolean: one object fewer per statement
    private static final AtomicIntegerFieldUpdater<Permit> RELEASED =
        AtomicIntegerFieldUpdater.newUpdater(Permit.class, "released");
    private final int n;
    private volatile int released;

    private Permit(int n) {
      this.n = n;
    }

    /** How many permits this holds. */
    int count() {
      return n;
    }

    /** Gives the permits back; later calls do nothing. */
    void release() {
      if (RELEASED.compareAndSet(this, 0, 1)) {
        give(n);
      }
    }
  }
}
