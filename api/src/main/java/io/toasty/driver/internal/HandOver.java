package io.toasty.driver.internal;

import io.toasty.driver.DeadlineTimer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A resource's delivery with exactly one owner: once its value is handed to the subscriber, a
 * cancel no longer reaches the source (the subscriber owns the value and cleans it up); a value
 * that arrives after the subscriber cancelled goes to {@code late}, which cleans it up.
 *
 * <p>Why: between a request and a pooled connection there are operators ({@code flatMap},
 * {@code usingWhen}) that, cancelled while their value is on its way, drop it silently or pass
 * the cancel on after the value was delivered; a connection dropped that way is never given
 * back, and one whose pool takes such a late cancel for a borrower giving up is lent twice
 * (MariaDB's general log showed a second borrower's BEGIN before the first one's ROLLBACK).
 *
 * <p>Three ways to wait: {@link #of} cancels the source on a cancel and cleans up a value an
 * operator above drops through Reactor's discard hook; {@link #detached} does not pass a cancel
 * on, so that the source runs to its end and what it delivers afterwards goes to {@code late} (a
 * connect under a permit must not give the permit back before it knows where the connection is:
 * BorrowedTest's random cancels); {@link #subscribe} ends at a limit as a cancel does, the
 * deadline and the delivery racing for the one hand-over, so a value is either delivered or
 * given up, never both. The limit is a deadline on the shared {@link DeadlineTimer}, not a task
 * of its own (docs/design/performance.md).
 *
 * <p>Internal: public only so that the engine and the drivers can share it; not an API.
 */
public final class HandOver<T> extends DeadlineTimer.Wait
    implements CoreSubscriber<T>, Subscription {
  private static final int PENDING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;

  private final CoreSubscriber<? super T> actual;
  private final Consumer<? super T> late;
  private final boolean detach;
  /** The error at the deadline, or null when the wait has none. */
  private final @Nullable Supplier<? extends Throwable> timeout;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  @SuppressWarnings("NullAway.Init") // set by onSubscribe, before any other signal
  private volatile Subscription upstream;

  private HandOver(CoreSubscriber<? super T> actual, Consumer<? super T> late, boolean detach,
      @Nullable Supplier<? extends Throwable> timeout) {
    this.actual = actual;
    this.late = late;
    this.detach = detach;
    this.timeout = timeout;
  }

  /** {@code source}'s value handed over once, or given to {@code late} after a cancel. */
  public static <T> Mono<T> of(Mono<T> source, Class<T> type, Consumer<? super T> late) {
    Mono<T> guarded = source.doOnDiscard(type, late);
    return Mono.fromDirect(subscriber -> guarded.subscribe(
        new HandOver<T>(Operators.toCoreSubscriber(subscriber), late, false, null)));
  }

  /**
   * {@code source}'s value handed over once; a cancel leaves {@code source} running to its end,
   * and a value it delivers after the cancel goes to {@code late}. Signals after the cancel reach
   * nobody else: whatever must follow the source's end (a permit given back on its error) belongs
   * in {@code source}.
   */
  public static <T> Mono<T> detached(Mono<T> source, Consumer<? super T> late) {
    return Mono.fromDirect(subscriber -> source.subscribe(
        new HandOver<T>(Operators.toCoreSubscriber(subscriber), late, true, null)));
  }

  /**
   * Subscribes {@code actual} to {@code source}, its value handed over once delivered, or the
   * error of {@code timeout} once {@code limit} has passed without one (the source is then
   * cancelled). A value delivered after the cancel or the deadline goes to {@code late}.
   */
  public static <T> void subscribe(Mono<? extends T> source, Duration limit,
      Supplier<? extends Throwable> timeout, Consumer<? super T> late,
      CoreSubscriber<? super T> actual) {
    HandOver<T> h = new HandOver<>(actual, late, false, timeout);
    source.subscribe(h);
    h.expireAfter(limit);
  }

  private void expireAfter(Duration limit) {
    if (state.get() != PENDING) {
      return; // served at once: no deadline to start and stop
    }
    DeadlineTimer.shared().start(this, limit);
    if (state.get() != PENDING) {
      stopDeadline(); // served meanwhile, perhaps before the deadline was in
    }
  }

  @Override
  protected void expire() {
    if (state.compareAndSet(PENDING, CANCELLED)) {
      upstream.cancel();
      actual.onError(Objects.requireNonNull(timeout, "expires only with a deadline").get());
    }
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
      stopDeadline();
      actual.onNext(value);
    } else {
      late.accept(value);
    }
  }

  @Override
  public void onError(Throwable e) {
    stopDeadline();
    // a pending wait's error races the deadline for the one signal; after the hand-over it is
    // the owner's to see
    if (state.get() == HANDED_OVER || state.compareAndSet(PENDING, CANCELLED)) {
      actual.onError(e);
    }
  }

  @Override
  public void onComplete() {
    stopDeadline();
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
      stopDeadline();
      if (detach) {
        upstream.request(1); // runs on even if nobody had asked for the value yet
      } else {
        upstream.cancel();
      }
    }
  }
}
