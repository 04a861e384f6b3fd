package io.toasty.reactive.internal.gate;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Connection;
import io.toasty.driver.internal.HandOver;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The work of a plan on one connection: permit, connection, work and release in one subscriber,
 * where the general path ({@link GatedDriver#leased}) chains a lease, {@code usingWhen}, the
 * connect, the hand-over and the release as a dozen operators. A permit free at subscription
 * (and nobody waiting for one) is taken at once; otherwise the borrow waits its turn at the gate
 * (first come, first served, with the acquire timeout) and then goes on in the same subscriber.
 *
 * <p>Why: that chain was most of what a get by key paid over the raw driver; and under load,
 * when most statements wait for their permit, it was what every one of them paid
 * (docs/design/performance.md, "One subscriber where an operator chain would do").
 *
 * <p>The guarantees are the general path's: the connection and the permit go back exactly once
 * on every path (completion, error, cancel at any moment, cancel racing completion), the
 * connection before the permit, and the subscriber hears of the end only after both are back.
 * One permit, one connection: nothing is held while waiting for anything else.
 */
final class Borrowed<T> extends Flux<T> {
  private final GatedDriver driver;
  /** The driver's gate: a driver without one runs its work through a lease instead. */
  private final ConnectionGate gate;
  private final Function<Connection, Flux<T>> work;

  Borrowed(GatedDriver driver, ConnectionGate gate, Function<Connection, Flux<T>> work) {
    this.driver = driver;
    this.gate = gate;
    this.work = work;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    ConnectionGate.Permit permit = gate.tryAcquire();
    Borrow<T> borrow = new Borrow<>(actual, driver, permit, work);
    actual.onSubscribe(borrow);
    if (permit == null) {
      borrow.queue();
      return;
    }
    driver.countBorrowedAtOnce();
    if (!borrow.gaveUpBeforeConnecting()) {
      borrow.connect(AcquireDeadline.startingNow(driver.acquireTimeout()));
    }
  }

  /**
   * One borrow: its subscription to the work's rows as the subscriber's (demand kept until the
   * rows are subscribed), and the state that decides who gives the connection back.
   */
  private static final class Borrow<T> extends Operators.DeferredSubscription
      implements CoreSubscriber<T> {
    /** Waiting for the connection. */
    static final int ACQUIRING = 0;
    /** The connection arrived; the work's rows are being subscribed. */
    static final int STARTING = 1;
    /** The work's rows are subscribed and under way. */
    static final int RUNNING = 2;
    /** Ended (rows over, failed or cancelled): the release is under way or done. */
    static final int ENDED = 3;
    /**
     * Cancelled before the connection came: the permit goes back with the connection, closed as
     * soon as it comes, or when the connect fails (a cancel does not stop the connect: see
     * {@link HandOver#detached}), or at once if the connect had not begun.
     */
    static final int GAVE_UP = 4;
    /** Waiting at the gate for the permit: a cancel gives up the wait. */
    static final int QUEUED = 5;

    @SuppressWarnings("rawtypes") // the updater of a generic class is of its raw type
    private static final AtomicIntegerFieldUpdater<Borrow> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Borrow.class, "state");

    private final CoreSubscriber<? super T> actual;
    private final GatedDriver driver;
    private final Function<Connection, Flux<T>> work;
    /** Set before the move out of {@link #QUEUED}, read only after it. */
    private ConnectionGate.@Nullable Permit permit;
    private volatile int state;
    /** The wait at the gate, while {@link #QUEUED}. */
    private volatile @Nullable Subscription queued;
    private @Nullable Connection connection;
    /** The work's end, to tell the subscriber after the release: null for completion. */
    private @Nullable Throwable error;
    private volatile boolean cancelled;

    Borrow(CoreSubscriber<? super T> actual, GatedDriver driver,
        ConnectionGate.@Nullable Permit permit,
        Function<Connection, Flux<T>> work) {
      this.actual = actual;
      this.driver = driver;
      this.permit = permit;
      this.work = work;
      this.state = permit == null ? QUEUED : ACQUIRING;
    }

    /**
     * Takes the connection; the driver's own wait for its pool gets what is left of
     * {@code deadline} (all of the acquire timeout when the permit was free at once).
     */
    void connect(AcquireDeadline deadline) {
      driver.delegate().connect().subscribe(new Acquiring(deadline.into(actual.currentContext())));
    }

    /** Waits at the gate for the permit, then connects. */
    void queue() {
      AcquireDeadline deadline = AcquireDeadline.startingNow(driver.acquireTimeout());
      driver.permits(1, deadline).subscribe(new Queued(deadline));
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    /** The permit, set before the move out of {@link #QUEUED} that every use of it follows. */
    private ConnectionGate.Permit permit() {
      return Objects.requireNonNull(permit, "a borrow out of QUEUED holds its permit");
    }

    // --- the connection

    /**
     * Gives the permit back if the subscriber cancelled before the connect began (in its
     * {@code onSubscribe}), which then does not begin; a later cancel leaves the permit to the
     * connect's end.
     */
    boolean gaveUpBeforeConnecting() {
      if (state == GAVE_UP) {
        permit().release();
        return true;
      }
      return false;
    }

    private void connected(Connection c) {
      if (!STATE.compareAndSet(this, ACQUIRING, STARTING)) {
        // arrived after a cancel: the permit goes back once the connection is
        ConnectionGate.Permit held = permit();
        c.close().subscribe(null, e -> held.release(), held::release);
        return;
      }
      connection = SendWatch.watched(actual.currentContext(), c);
      Flux<T> rows;
      try {
        rows = work.apply(connection);
      } catch (RuntimeException e) {
        rows = Flux.error(e);
      }
      rows.subscribe(this);
      // Ended (or cancelled) while subscribing, as an embedded database's rows do: the release
      // was left to this thread, so that it never runs under a subscription still being made.
      if (!STATE.compareAndSet(this, STARTING, RUNNING)) {
        release();
      }
    }

    private void failedToConnect(Throwable e) {
      if (STATE.compareAndSet(this, ACQUIRING, ENDED)) {
        permit().release();
        actual.onError(e);
      } else if (state == GAVE_UP) {
        permit().release(); // failed after a cancel: nobody to tell
      }
    }

    // --- the work's rows

    @Override
    public void onSubscribe(Subscription s) {
      set(s);
    }

    @Override
    public void onNext(T value) {
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable e) {
      error = e;
      end();
    }

    @Override
    public void onComplete() {
      end();
    }

    /** The rows ended: release now, or leave it to the thread still subscribing. */
    private void end() {
      for (;;) {
        int s = state;
        if (s == RUNNING && STATE.compareAndSet(this, RUNNING, ENDED)) {
          release();
          return;
        }
        if (s == STARTING && STATE.compareAndSet(this, STARTING, ENDED)) {
          return;
        }
        if (s != RUNNING && s != STARTING) {
          return; // cancelled: the release runs already
        }
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      for (;;) {
        int s = state;
        if (s == QUEUED && STATE.compareAndSet(this, QUEUED, GAVE_UP)) {
          Subscription q = queued;
          if (q != null) {
            q.cancel(); // the gate gives back a permit granted meanwhile but not delivered
          }
          return;
        }
        if (s == ACQUIRING && STATE.compareAndSet(this, ACQUIRING, GAVE_UP)) {
          return; // the connect runs on; its end gives the permit back
        }
        if (s == STARTING && STATE.compareAndSet(this, STARTING, ENDED)) {
          super.cancel(); // the subscribing thread releases once its call returns
          return;
        }
        if (s == RUNNING && STATE.compareAndSet(this, RUNNING, ENDED)) {
          super.cancel();
          release();
          return;
        }
        if (s == ENDED || s == GAVE_UP) {
          return;
        }
      }
    }

    /**
     * Gives the connection back, then the permit, then tells the subscriber (unless it
     * cancelled). Runs once: only the move into {@link #ENDED} from a running state leads here.
     */
    @SuppressWarnings("NullAway") // set in connected(), before the move into a running state
    private void release() {
      Connection c = connection;
      connection = null;
      c.close().subscribe(null, e -> released(), this::released);
    }

    private void released() {
      permit().release();
      if (cancelled) {
        return;
      }
      Throwable e = error;
      if (e == null) {
        actual.onComplete();
      } else {
        actual.onError(e);
      }
    }

    /** Receives the permit from the gate. */
    private final class Queued implements CoreSubscriber<ConnectionGate.Permit> {
      private final AcquireDeadline deadline;

      Queued(AcquireDeadline deadline) {
        this.deadline = deadline;
      }

      @Override
      public Context currentContext() {
        return actual.currentContext();
      }

      @Override
      public void onSubscribe(Subscription s) {
        queued = s;
        if (state == GAVE_UP) {
          s.cancel(); // the cancel came before the wait began
        } else {
          s.request(1);
        }
      }

      @Override
      public void onNext(ConnectionGate.Permit p) {
        permit = p;
        if (STATE.compareAndSet(Borrow.this, QUEUED, ACQUIRING)) {
          connect(deadline);
        } else {
          p.release(); // delivered as the subscriber cancelled
        }
      }

      @Override
      public void onError(Throwable e) {
        if (STATE.compareAndSet(Borrow.this, QUEUED, ENDED)) {
          actual.onError(e); // the wait timed out: no permit, no connection
        }
      }

      @Override
      public void onComplete() {
        // the permit came in onNext
      }
    }

    /** Receives the connection. */
    private final class Acquiring implements CoreSubscriber<Connection> {
      private final Context context;
      private boolean delivered;

      Acquiring(Context context) {
        this.context = context;
      }

      @Override
      public Context currentContext() {
        return context;
      }

      @Override
      public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE); // even after a cancel: its end gives the permit back
      }

      @Override
      public void onNext(Connection c) {
        delivered = true;
        connected(c);
      }

      @Override
      public void onError(Throwable e) {
        failedToConnect(e);
      }

      @Override
      public void onComplete() {
        if (!delivered) {
          failedToConnect(GatedDriver.noConnection());
        }
      }
    }
  }
}
