package io.toasty.sql.lane;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Runs a release once a source has ended, or once it was cancelled and no call into it (its
 * subscription, a request) is still running on any thread; after the cancel no new call is
 * made into it.
 *
 * <p>Why: a cancel does not stop a call already under way on another thread. A synchronous
 * driver (r2dbc-h2) does a statement's whole work inside such a call, so "cancelled" is not
 * "done with the session": the release must wait for the call to return.
 */
final class QuietRelease {
  /** {@link #calls} once the release has run: no call may start any more. */
  private static final int RELEASED = -1;

  // field updaters, not atomics of their own: this runs for every read
  private static final AtomicIntegerFieldUpdater<QuietRelease> CALLS =
      AtomicIntegerFieldUpdater.newUpdater(QuietRelease.class, "calls");
  private static final AtomicIntegerFieldUpdater<QuietRelease> ONCE =
      AtomicIntegerFieldUpdater.newUpdater(QuietRelease.class, "once");

  private final Runnable release;
  /** Calls into the source under way; {@link #RELEASED} once released. */
  private volatile int calls;
  private volatile int once;
  private volatile boolean cancelled;

  QuietRelease(Runnable release) {
    this.release = release;
  }

  /**
   * {@code source}, its subscription and requests counted as calls under way; its end and its
   * subscriber's cancel release as {@link #ended()} and {@link #cancelled()} do.
   */
  <T> Flux<T> watch(Flux<T> source) {
    return Flux.from(subscriber -> subscribe(source, Operators.toCoreSubscriber(subscriber),
        null));
  }

  /**
   * {@code actual} subscribed to {@code source} as {@link #watch} does, with no publisher
   * around it; its error as {@code errors} translates it (null: as it is), as
   * {@code onErrorMap(errors)} would.
   */
  <T> void subscribe(Flux<T> source, CoreSubscriber<? super T> actual,
      @Nullable Function<Throwable, Throwable> errors) {
    if (!enter()) {
      Operators.complete(actual); // cancelled before its turn: never sent
      return;
    }
    try {
      source.subscribe(new Counted<>(actual, errors));
    } finally {
      exit();
    }
  }

  /** The subscriber cancelled: release now, or when the last call under way returns. */
  void cancelled() {
    cancelled = true;
    if (CALLS.compareAndSet(this, 0, RELEASED)) {
      releaseOnce();
    }
  }

  /** The source ended (completed or failed): it makes no more calls on the session. */
  void ended() {
    releaseOnce();
  }

  private boolean enter() {
    for (;;) {
      int n = calls;
      if (n == RELEASED || cancelled && n == 0) {
        return false;
      }
      if (CALLS.compareAndSet(this, n, n + 1)) {
        return true;
      }
    }
  }

  private void exit() {
    if (CALLS.decrementAndGet(this) == 0 && cancelled && CALLS.compareAndSet(this, 0, RELEASED)) {
      releaseOnce();
    }
  }

  private void releaseOnce() {
    if (ONCE.compareAndSet(this, 0, 1)) {
      release.run();
    }
  }

  /**
   * Passes signals on; counts each request into the source as a call under way; releases on
   * the source's end (before the subscriber hears of it, which may give the connection back)
   * and after the cancel has reached the source.
   */
  private final class Counted<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super T> actual;
    private final @Nullable Function<Throwable, Throwable> errors;
    @SuppressWarnings("NullAway.Init") // set by onSubscribe, before any other signal
    private Subscription upstream;

    Counted(CoreSubscriber<? super T> actual,
        @Nullable Function<Throwable, Throwable> errors) {
      this.actual = actual;
      this.errors = errors;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      upstream = s;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable e) {
      ended();
      actual.onError(DrainOnCancel.translated(errors, e));
    }

    @Override
    public void onComplete() {
      ended();
      actual.onComplete();
    }

    @Override
    public void request(long n) {
      if (!enter()) {
        return;
      }
      try {
        upstream.request(n);
      } finally {
        exit();
      }
    }

    @Override
    public void cancel() {
      upstream.cancel();
      cancelled();
    }
  }
}
