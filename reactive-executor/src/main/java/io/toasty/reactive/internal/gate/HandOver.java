package io.toasty.reactive.internal.gate;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A resource's delivery with exactly one owner: once its value is handed to the subscriber, a
 * cancel no longer reaches the source (the subscriber owns the value and cleans it up); a value
 * that arrives after the subscriber cancelled goes to {@code late}, which cleans it up, and one
 * that an operator above drops on the cancel is cleaned up through Reactor's discard hook.
 *
 * <p>Why: between a permit and a pooled connection there are operators ({@code flatMap}) that,
 * cancelled while their value is on its way, drop it silently; a connection dropped that way is
 * never given back, and the pool loses it for good.
 *
 * <p>A {@link #detached detached} hand-over does not pass a cancel on: the source runs to its end
 * and what it delivers afterwards goes to {@code late}. Why: a connect under a permit must not
 * give the permit back before it knows where the connection is. Cancelling the connect and
 * releasing the permit at once lets a connection delivered at that moment still be out while the
 * permit serves another request, so the gate hands out more permits than the pool has
 * connections (BorrowedTest's random cancels: 3 in 300 runs).
 */
final class HandOver<T> implements CoreSubscriber<T>, Subscription {
  private static final int PENDING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;

  private final CoreSubscriber<? super T> actual;
  private final Consumer<? super T> late;
  private final boolean detach;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private volatile Subscription upstream;

  private HandOver(CoreSubscriber<? super T> actual, Consumer<? super T> late, boolean detach) {
    this.actual = actual;
    this.late = late;
    this.detach = detach;
  }

  /** {@code source}'s value handed over once, or given to {@code late} after a cancel. */
  static <T> Mono<T> of(Mono<T> source, Class<T> type, Consumer<? super T> late) {
    Mono<T> guarded = source.doOnDiscard(type, late);
    return Mono.fromDirect(subscriber -> guarded.subscribe(
        new HandOver<T>(Operators.toCoreSubscriber(subscriber), late, false)));
  }

  /**
   * {@code source}'s value handed over once; a cancel leaves {@code source} running to its end,
   * and a value it delivers after the cancel goes to {@code late}. Signals after the cancel reach
   * nobody else: whatever must follow the source's end (a permit given back on its error) belongs
   * in {@code source}.
   */
  static <T> Mono<T> detached(Mono<T> source, Consumer<? super T> late) {
    return Mono.fromDirect(subscriber -> source.subscribe(
        new HandOver<T>(Operators.toCoreSubscriber(subscriber), late, true)));
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
    if (state.compareAndSet(PENDING, HANDED_OVER)) {
      actual.onNext(value);
    } else {
      late.accept(value);
    }
  }

  @Override
  public void onError(Throwable e) {
    if (state.get() != CANCELLED) {
      actual.onError(e);
    }
  }

  @Override
  public void onComplete() {
    if (state.get() != CANCELLED) {
      actual.onComplete();
    }
  }

  @Override
  public void request(long n) {
    upstream.request(n);
  }

  @Override
  public void cancel() {
    if (state.compareAndSet(PENDING, CANCELLED)) {
      if (detach) {
        upstream.request(1); // runs on even if nobody had asked for the value yet
      } else {
        upstream.cancel();
      }
    }
  }
}
