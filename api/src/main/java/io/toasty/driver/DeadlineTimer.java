package io.toasty.driver;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * The acquire waits' deadlines with one task armed on the parallel scheduler at the earliest of
 * them, where each wait used to schedule (and mostly cancel) a task of its own.
 *
 * <p>Why: a task put on the parallel scheduler's empty queue wakes its worker thread even if it
 * is cancelled a microsecond later, and on two cores a thread woken per acquire is latency on
 * the measured path (docs/design/performance.md, "One timer for every deadline"). Here a wait whose deadline is not
 * earlier than the armed one arms nothing, and a wait that ends first is only taken out: the
 * armed task stays, and when it fires it expires what is due and arms again for the earliest
 * wait left, if any. Acquire waits are served in milliseconds against a limit of seconds, so a
 * task fires about once per limit instead of once per acquire.
 *
 * <p>One timer per process ({@link #shared()}), not one per pool or gate: the deadlines of all
 * pools and gates then share one armed task (a process with several databases, or the TCK with
 * dozens, still wakes one thread per earliest deadline), drivers need no timer handed to them,
 * and the lock guards an operation of O(log n) on the pending waits (a binary heap indexed by
 * the waits themselves, so that a wait is taken out in O(log n) without dead entries left for
 * the next fire). A timer belongs to one scheduler, whose clock its deadlines are on:
 * {@link #shared()} looks the parallel scheduler up at every call and starts a new timer when it
 * changed (a test's {@code VirtualTimeScheduler}), while the waits of the old one still expire
 * on theirs.
 */
public final class DeadlineTimer {
  private static final long NONE = Long.MAX_VALUE;
  private static volatile @Nullable DeadlineTimer shared;

  private final Scheduler scheduler;
  private @Nullable Wait[] heap = new Wait[16];
  private int size;
  /** The deadline of the armed task, {@link #NONE} if none: never later than any pending. */
  private long armedAt = NONE;
  /** The armed task; a task that fires while another is armed only expires what is due. */
  private @Nullable Fire armed;

  DeadlineTimer(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The process's timer on the current {@link Schedulers#parallel()}. */
  public static DeadlineTimer shared() {
    Scheduler now = Schedulers.parallel();
    DeadlineTimer t = shared;
    if (t == null || t.scheduler != now) {
      t = new DeadlineTimer(now); // a race may make two: each expires its own waits
      shared = t;
    }
    return t;
  }

  /**
   * Starts {@code wait}'s deadline {@code after} from now (zero if negative): unless
   * {@link Wait#stopDeadline() stopped} first, {@link Wait#expire()} runs once on the scheduler
   * then. A wait has one deadline at a time.
   *
   * @throws IllegalStateException if {@code wait} has a deadline running
   * @throws RejectedExecutionException if the scheduler is shut down
   */
  public void start(Wait wait, Duration after) {
    long delay = Math.max(0, saturatedNanos(after));
    wait.timer = this;
    Fire fire;
    synchronized (this) {
      if (wait.slot >= 0) {
        throw new IllegalStateException("a wait has one deadline at a time");
      }
      long now = scheduler.now(TimeUnit.NANOSECONDS);
      wait.due = now + Math.min(delay, NONE - 1 - Math.max(0, now));
      insert(wait);
      fire = armIfEarlier(now);
    }
    if (fire != null) {
      schedule(fire);
    }
  }

  /** Waits pending now (tests). */
  synchronized int pending() {
    return size;
  }

  /** Whether a task is armed now (tests). */
  synchronized boolean isArmed() {
    return armed != null;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? 0 : NONE;
    }
  }

  private synchronized void remove(Wait wait) {
    int i = wait.slot;
    if (i < 0 || i >= size || heap[i] != wait) {
      return; // expired, or never in
    }
    Wait last = heap[--size];
    heap[size] = null;
    wait.slot = -1;
    if (last != wait) {
      place(last, i);
      siftDown(i);
      siftUp(last.slot);
    }
  }

  /** A task to arm for the earliest pending wait if it is earlier than the armed one. */
  private @Nullable Fire armIfEarlier(long now) {
    if (size == 0 || heap[0].due >= armedAt) {
      return null;
    }
    armedAt = heap[0].due;
    armed = new Fire(armedAt, Math.max(0, armedAt - now));
    return armed;
  }

  private void schedule(Fire fire) {
    try {
      scheduler.schedule(fire, fire.delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        if (armed == fire) { // so that a later wait arms again
          armed = null;
          armedAt = NONE;
        }
      }
      throw e;
    }
  }

  /** Expires the waits due by {@code fire}'s time, in deadline order, and arms again. */
  private void fire(Fire fire) {
    Wait due = null;
    Wait tail = null;
    Fire next;
    synchronized (this) {
      if (armed == fire) {
        armed = null;
        armedAt = NONE;
      }
      // the scheduler ran it at its deadline by its own clock, whatever now() reads
      long now = Math.max(scheduler.now(TimeUnit.NANOSECONDS), fire.at);
      while (size > 0 && heap[0].due <= now) {
        Wait w = heap[0];
        remove(w);
        if (tail == null) {
          due = w;
        } else {
          tail.nextDue = w;
        }
        tail = w;
      }
      next = armIfEarlier(now);
    }
    if (next != null) {
      schedule(next);
    }
    expireAll(due);
  }

  private static void expireAll(@Nullable Wait first) {
    for (Wait w = first; w != null; ) {
      Wait following = w.nextDue;
      w.nextDue = null;
      try {
        w.expire();
      } catch (Throwable e) {
        Exceptions.throwIfFatal(e);
        Operators.onErrorDropped(e, Context.empty()); // the other waits still expire
      }
      w = following;
    }
  }

  private void insert(Wait wait) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    place(wait, size++);
    siftUp(wait.slot);
  }

  private void place(Wait w, int i) {
    heap[i] = w;
    w.slot = i;
  }

  private void siftUp(int i) {
    Wait w = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent].due <= w.due) {
        break;
      }
      place(heap[parent], i);
      i = parent;
    }
    place(w, i);
  }

  private void siftDown(int i) {
    Wait w = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].due < heap[child].due) {
        child = right;
      }
      if (w.due <= heap[child].due) {
        break;
      }
      place(heap[child], i);
      i = child;
    }
    place(w, i);
  }

  /** One armed task: the deadline it was armed for and its delay from when it was armed. */
  private final class Fire implements Runnable {
    final long at;
    final long delay;

    Fire(long at, long delay) {
      this.at = at;
      this.delay = delay;
    }

    @Override
    public void run() {
      fire(this);
    }
  }

  /**
   * A wait with a deadline: the waiting object itself, so that starting and stopping a deadline
   * allocates nothing. Its fields are its timer's, under the timer's lock.
   */
  public abstract static class Wait {
    private volatile @Nullable DeadlineTimer timer;
    private int slot = -1;
    private long due;
    private @Nullable Wait nextDue;

    /** For subclasses. */
    protected Wait() {
    }

    /**
     * Runs once on the scheduler when the deadline passed before {@link #stopDeadline()}; it may
     * race the wait's own end, which the subclass settles (a compare-and-set on its state).
     */
    protected abstract void expire();

    /** Takes the deadline out, if it runs; nothing is left behind in the timer. */
    protected final void stopDeadline() {
      DeadlineTimer t = timer;
      if (t != null) {
        t.remove(this);
      }
    }
  }
}
