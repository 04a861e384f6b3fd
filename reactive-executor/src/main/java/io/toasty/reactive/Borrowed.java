package io.toasty.reactive;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Connection;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The work of a plan on one connection, when a permit of the gate is free at subscription and
 * nobody waits for one: permit, connection, work and release in one subscriber, where the
 * general path ({@link GatedDriver#leased}) chains a lease, {@code usingWhen}, the connect, the
 * hand-over and the release as a dozen operators. When no permit is free at once, the general
 * path runs instead: waiting is its business (first come, first served, with its timeout).
 *
 * <p>Why: that chain was most of what a get by key paid over the raw driver (benchmarks/
 * PROFILE.md, session 11); a statement that finds a connection free is the usual case.
 *
 * <p>The guarantees are the general path's: the connection and the permit go back exactly once
 * on every path (completion, error, cancel at any moment, cancel racing completion), the
 * connection before the permit, and the subscriber hears of the end only after both are back.
 * One permit, one connection: nothing is held while waiting for anything else.
 */
final class Borrowed<T> extends Flux<T> {
  private final GatedDriver driver;
  private final Function<Connection, Flux<T>> work;

  Borrowed(GatedDriver driver, Function<Connection, Flux<T>> work) {
    this.driver = driver;
    this.work = work;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    ConnectionGate.Permit permit = driver.gate().tryAcquire();
    if (permit == null) {
      driver.leased(work).subscribe(actual);
      return;
    }
    driver.countBorrowedAtOnce();
    Borrow<T> borrow = new Borrow<>(actual, permit, work);
    actual.onSubscribe(borrow);
    driver.delegate().connect().subscribe(borrow.acquiring(driver.acquireTimeout()));
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
    /** Cancelled before the connection came: the permit went back at once. */
    static final int GAVE_UP = 4;

    @SuppressWarnings("rawtypes") // the updater of a generic class is of its raw type
    private static final AtomicIntegerFieldUpdater<Borrow> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Borrow.class, "state");

    private final CoreSubscriber<? super T> actual;
    private final ConnectionGate.Permit permit;
    private final Function<Connection, Flux<T>> work;
    private volatile int state;
    private volatile Subscription acquire;
    private Connection connection;
    /** The work's end, to tell the subscriber after the release: null for completion. */
    private Throwable error;
    private volatile boolean cancelled;

    Borrow(CoreSubscriber<? super T> actual, ConnectionGate.Permit permit,
        Function<Connection, Flux<T>> work) {
      this.actual = actual;
      this.permit = permit;
      this.work = work;
    }

    /**
     * The subscriber of the driver's connect: the driver's own wait for its pool gets the whole
     * acquire timeout, as none of it went on the permit.
     */
    CoreSubscriber<Connection> acquiring(java.time.Duration acquireTimeout) {
      return new Acquiring(AcquireDeadline.startingNow(acquireTimeout)
          .into(actual.currentContext()));
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    // --- the connection

    private void connected(Connection c) {
      if (!STATE.compareAndSet(this, ACQUIRING, STARTING)) {
        c.close().subscribe(null, e -> { }); // arrived after a cancel: the permit went back
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
        permit.release();
        actual.onError(e);
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
        if (s == ACQUIRING && STATE.compareAndSet(this, ACQUIRING, GAVE_UP)) {
          Subscription a = acquire;
          if (a != null) {
            a.cancel();
          }
          permit.release();
          return;
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
    private void release() {
      Connection c = connection;
      connection = null;
      c.close().subscribe(null, e -> released(), this::released);
    }

    private void released() {
      permit.release();
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
        acquire = s;
        if (state == GAVE_UP) {
          s.cancel(); // the cancel came before the subscription
        } else {
          s.request(Long.MAX_VALUE);
        }
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
          failedToConnect(new IllegalStateException("the driver gave no connection"));
        }
      }
    }
  }
}
