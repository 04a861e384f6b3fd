package io.toasty.sql.lane;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A source's items with the subscriber's backpressure; when the subscriber cancels, the source is
 * not cancelled but read to its end with its items (and its error) dropped. {@code cancelled}
 * runs first on a cancel; {@code done} runs once the source has terminated, before the
 * subscriber is told. The subscriber hears {@code onSubscribe} before the source is subscribed,
 * and one that cancels in it (or before it: a cancel that raced the subscription) never has the
 * source subscribed, so its statement is never sent; {@code done} then runs at once. An error the subscriber gets is {@code errors}' translation of the
 * source's (as {@code onErrorMap(errors)} would make it, without a layer of its own), or the
 * source's own when {@code errors} is null.
 *
 * <p>Why a subscriber of its own and not {@code Flux.create}: every read on PostgreSQL passes
 * here, and a get by key cancels after its one row every time. {@code Flux.create} allocates a
 * buffer of 256 slots and a serializing queue per subscription (about 1.2 KB), which a source
 * that only ever emits what was requested never needs: demand passes straight through.
 */
final class DrainOnCancel<T> extends Flux<T> {
  private final Flux<T> source;
  private final @Nullable Runnable cancelled;
  private final Runnable done;
  private final @Nullable Function<Throwable, Throwable> errors;

  DrainOnCancel(Flux<T> source, Runnable cancelled, Runnable done) {
    this(source, cancelled, done, null);
  }

  DrainOnCancel(Flux<T> source, Runnable cancelled, Runnable done,
      @Nullable Function<Throwable, Throwable> errors) {
    this.source = source;
    this.cancelled = cancelled;
    this.done = done;
    this.errors = errors;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    new Drain<>(actual, cancelled, done, errors).start(source);
  }

  /**
   * {@code error} as {@code errors} translates it (null: as it is); a translation that throws
   * gives what it threw, with {@code error} suppressed in it, as {@code onErrorMap} does.
   */
  static Throwable translated(@Nullable Function<Throwable, Throwable> errors, Throwable error) {
    if (errors == null) {
      return error;
    }
    try {
      return Objects.requireNonNull(errors.apply(error), "the translated error");
    } catch (Throwable failed) {
      return Exceptions.addSuppressed(failed, error);
    }
  }

  /**
   * Passes signals and demand on until a cancel, then requests and drops the rest. Demand the
   * subscriber makes before the source's subscription has come is kept and passed on with it.
   */
  static final class Drain<T> implements CoreSubscriber<T>, Subscription {
    @SuppressWarnings("rawtypes") // the updater of a generic class is of its raw type
    private static final AtomicIntegerFieldUpdater<Drain> DRAINING =
        AtomicIntegerFieldUpdater.newUpdater(Drain.class, "draining");
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<Drain> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(Drain.class, "requested");

    private final CoreSubscriber<? super T> actual;
    private final @Nullable Runnable cancelled;
    private final Runnable done;
    private final @Nullable Function<Throwable, Throwable> errors;
    private volatile @Nullable Subscription upstream;
    /** Demand made before {@link #upstream} was set. */
    private volatile long requested;
    private volatile int draining;

    Drain(CoreSubscriber<? super T> actual, @Nullable Runnable cancelled, Runnable done,
        @Nullable Function<Throwable, Throwable> errors) {
      this.actual = actual;
      this.cancelled = cancelled;
      this.done = done;
      this.errors = errors;
    }

    /**
     * Tells the subscriber, then subscribes to {@code source} unless the subscriber has cancelled
     * by then. Why in this order: the engine hands a cancelled statement's turn on to its
     * ROLLBACK at once, and a statement still being subscribed on another thread can reach this
     * lane after that ROLLBACK has run. Its subscriber has cancelled already, so it cancels in
     * {@code onSubscribe} and the statement is dropped; subscribed first, it would be sent, and
     * an INSERT would then commit on its own (the TCK's random-cancel scenario, a group of two
     * rows of four).
     */
    void start(Publisher<? extends T> source) {
      actual.onSubscribe(this);
      if (draining != 0) {
        done.run(); // never sent: the turn is over
        return;
      }
      source.subscribe(this);
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      upstream = s;
      if (draining != 0) {
        s.request(Long.MAX_VALUE); // cancelled after it started: read to the end
        return;
      }
      long early = REQUESTED.getAndSet(this, 0L);
      if (early > 0) {
        s.request(early);
      }
    }

    @Override
    public void onNext(T value) {
      if (draining == 0) {
        actual.onNext(value);
      }
    }

    // The source has ended: done runs before the subscriber hears of it, so that what the
    // subscriber does next (give the connection back) finds the operation over.

    @Override
    public void onError(Throwable error) {
      done.run();
      if (draining == 0) {
        actual.onError(translated(errors, error));
      }
    }

    @Override
    public void onComplete() {
      done.run();
      if (draining == 0) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      if (draining != 0) {
        return;
      }
      Subscription s = upstream;
      if (s != null) {
        s.request(n);
        return;
      }
      Operators.addCap(REQUESTED, this, n);
      s = upstream; // came meanwhile: its onSubscribe may have missed this demand
      if (s != null) {
        long early = REQUESTED.getAndSet(this, 0L);
        if (early > 0) {
          s.request(early);
        }
      }
    }

    @Override
    public void cancel() {
      if (DRAINING.compareAndSet(this, 0, 1)) {
        if (cancelled != null) {
          cancelled.run();
        }
        Subscription s = upstream; // null: not started, or onSubscribe will see the drain
        if (s != null) {
          s.request(Long.MAX_VALUE);
        }
      }
    }
  }
}
