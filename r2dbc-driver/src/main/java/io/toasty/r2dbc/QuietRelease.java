package io.toasty.r2dbc;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

  private final Runnable release;
  /** Calls into the source under way; {@link #RELEASED} once released. */
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicBoolean once = new AtomicBoolean();
  private volatile boolean cancelled;

  QuietRelease(Runnable release) {
    this.release = release;
  }

  /** {@code source}, its subscription and requests counted as calls under way. */
  <T> Flux<T> watch(Flux<T> source) {
    return Flux.from(subscriber -> {
      CoreSubscriber<? super T> actual = Operators.toCoreSubscriber(subscriber);
      if (!enter()) {
        Operators.complete(actual); // cancelled before its turn: never sent
        return;
      }
      try {
        source.subscribe(new Counted<>(actual));
      } finally {
        exit();
      }
    });
  }

  /** The subscriber cancelled: release now, or when the last call under way returns. */
  void cancelled() {
    cancelled = true;
    if (calls.compareAndSet(0, RELEASED)) {
      releaseOnce();
    }
  }

  /** The source ended (completed or failed): it makes no more calls on the session. */
  void ended() {
    releaseOnce();
  }

  private boolean enter() {
    for (;;) {
      int n = calls.get();
      if (n == RELEASED || cancelled && n == 0) {
        return false;
      }
      if (calls.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  private void exit() {
    if (calls.decrementAndGet() == 0 && cancelled && calls.compareAndSet(0, RELEASED)) {
      releaseOnce();
    }
  }

  private void releaseOnce() {
    if (once.compareAndSet(false, true)) {
      release.run();
    }
  }

  /** Passes signals on; counts each request into the source as a call under way. */
  private final class Counted<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super T> actual;
    private Subscription upstream;

    Counted(CoreSubscriber<? super T> actual) {
      this.actual = actual;
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
      actual.onError(e);
    }

    @Override
    public void onComplete() {
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
    }
  }
}
