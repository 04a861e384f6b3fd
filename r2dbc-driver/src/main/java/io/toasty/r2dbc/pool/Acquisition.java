package io.toasty.r2dbc.pool;

import io.r2dbc.spi.Connection;
import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.internal.HandOver;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * {@link PoolAcquire}'s acquire as one subscriber per subscription: the deadline read from the
 * Context, each attempt's {@link HandOver}, the attempts asked again after a failed
 * validation, the error typed and the connection wrapped, where an operator chain
 * ({@code deferContextual}, {@code defer}, {@code onErrorResume}, {@code onErrorMap},
 * {@code map}) cost some thirty objects per statement (docs/design/performance.md, "One subscriber where an operator chain would do").
 *
 * <p>The hand-over rule is {@link HandOver}'s, unchanged: once an attempt has handed its
 * connection over, a cancel no longer reaches the pool; nothing here sits between the
 * hand-over and the subscriber that could drop a connection.
 */
final class Acquisition<T> extends Mono<T> {
  private final PoolAcquire rules;
  private final Supplier<Mono<? extends Connection>> create;
  private final Function<Connection, T> wrap;

  Acquisition(PoolAcquire rules, Supplier<Mono<? extends Connection>> create,
      Function<Connection, T> wrap) {
    this.rules = rules;
    this.create = create;
    this.wrap = wrap;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    Attempts<T> attempts = new Attempts<>(this, actual,
        AcquireDeadline.of(actual.currentContext(), rules.limit()));
    actual.onSubscribe(attempts);
    attempts.next();
  }

  /** The attempts of one acquire, one after the other, as one subscription. */
  private static final class Attempts<T> implements CoreSubscriber<Connection>, Subscription,
      Supplier<Throwable> {
    private final Acquisition<T> acquisition;
    private final CoreSubscriber<? super T> actual;
    private final AcquireDeadline deadline;
    private int left;
    private volatile Subscription current;
    private volatile boolean requested;
    private volatile boolean cancelled;

    @SuppressWarnings("NullAway.Init") // current is set by onSubscribe, before any other signal
    Attempts(Acquisition<T> acquisition, CoreSubscriber<? super T> actual,
        AcquireDeadline deadline) {
      this.acquisition = acquisition;
      this.actual = actual;
      this.deadline = deadline;
      this.left = acquisition.rules.retries();
    }

    /** One more attempt: the pool asked once, its connection handed over once. */
    void next() {
      Mono<? extends Connection> create;
      try {
        create = acquisition.create.get();
      } catch (RuntimeException e) {
        actual.onError(acquisition.rules.failure(e));
        return;
      }
      HandOver.<Connection>subscribe(create, deadline.remaining(), this,
          acquisition.rules.late(), this);
    }

    /** The error of an attempt that waited out the deadline. */
    @Override
    public PoolTimeoutException get() {
      return new PoolTimeoutException(acquisition.rules.backend(), deadline.limit(), null);
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      current = s;
      if (cancelled) {
        s.cancel();
      } else if (requested) {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(Connection c) {
      T wrapped;
      try {
        wrapped = acquisition.wrap.apply(c);
      } catch (RuntimeException e) {
        Mono.from(c.close()).subscribe(null, x -> { }); // ours, never handed on
        actual.onError(acquisition.rules.failure(e));
        return;
      }
      actual.onNext(wrapped);
    }

    @Override
    public void onError(Throwable e) {
      // Nothing of the caller's was sent on a connection that failed validation, nor on one
      // whose validation round trip found it lost (a write to a socket whose server session
      // had just ended: "Broken pipe", DeadConnectionTest): asking again is safe.
      Throwable failure = acquisition.rules.failure(e);
      if (left > 0 && !cancelled && (PoolAcquire.failedValidation(e)
          || failure instanceof ConnectionLostException)) {
        left--;
        next();
        return;
      }
      actual.onError(failure);
    }

    @Override
    public void onComplete() {
      actual.onComplete();
    }

    @Override
    public void request(long n) {
      if (n > 0 && !requested) {
        requested = true;
        Subscription s = current;
        if (s != null) {
          s.request(Long.MAX_VALUE);
        }
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      Subscription s = current;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
