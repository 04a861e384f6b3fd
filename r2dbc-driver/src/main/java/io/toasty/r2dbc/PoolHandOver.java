package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * A pool's acquire whose cancel reaches the pool only while the acquire is pending.
 *
 * <p>Why: {@code usingWhen} cancels its resource subscription when it is cancelled before it has
 * seen the resource, and its {@code onNext} may run at the same moment on another thread: the
 * cancel then reaches reactor-pool after the connection was delivered, and the pool, taking it
 * for a borrower giving up, puts the connection back, while {@code usingWhen} goes on to use it
 * (and to clean it up). Two borrowers then share one session: MariaDB's general log showed the
 * second borrower's BEGIN arriving before the first one's ROLLBACK, which rolled the second
 * transaction back and left its statements to autocommit (partial commits under random cancel).
 * Here, once the connection is handed over, a cancel stays with the receiver, which owns it.
 *
 * <p>A connection delivered after the cancel went to the pool is dropped, not closed: the cancel
 * reached r2dbc-pool's own guard, which gives the connection back itself (read in r2dbc-pool
 * 1.0.2's bytecode: its discard-on-cancel releases the pooled reference when cancelled, and a
 * borrower cancelled while waiting is never served). Closing it here too would release it twice.
 *
 * <p>A wait with a limit ({@link #subscribe}) ends at the limit as
 * a cancel does, under the same rule: the timer and the delivery race for the one hand-over, so
 * a connection is either delivered or given up, never both (a {@code timeout} operator after
 * the hand-over would drop a connection delivered as it fires).
 */
final class PoolHandOver implements CoreSubscriber<Connection>, Subscription {
  private static final int PENDING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;

  private final CoreSubscriber<? super Connection> actual;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final Consumer<Connection> late;
  private volatile Subscription upstream;
  private volatile Disposable timer;

  private PoolHandOver(CoreSubscriber<? super Connection> actual, Consumer<Connection> late) {
    this.actual = actual;
    this.late = late;
  }

  /**
   * Subscribes {@code actual} to {@code acquire}, its connection handed over once delivered, or
   * the error of {@code timeout} once {@code limit} has passed without one (the acquire is then
   * cancelled). A connection delivered after the cancel goes to {@code late}: nothing for a
   * pool's (the pool takes it back), a close for a factory's own.
   */
  static void subscribe(Mono<? extends Connection> acquire, Duration limit,
      Supplier<? extends Throwable> timeout, Consumer<Connection> late,
      CoreSubscriber<? super Connection> actual) {
    PoolHandOver h = new PoolHandOver(actual, late);
    acquire.subscribe(h);
    h.expireAfter(limit, timeout);
  }

  private void expireAfter(Duration limit, Supplier<? extends Throwable> timeout) {
    if (state.get() != PENDING) {
      return;
    }
    Runnable expire = () -> {
      if (state.compareAndSet(PENDING, CANCELLED)) {
        upstream.cancel();
        actual.onError(timeout.get());
      }
    };
    timer = Schedulers.parallel().schedule(expire, Math.max(0, limit.toMillis()),
        TimeUnit.MILLISECONDS);
    if (state.get() != PENDING) {
      timer.dispose();
    }
  }

  private void stopTimer() {
    Disposable t = timer;
    if (t != null) {
      t.dispose();
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
  public void onNext(Connection connection) {
    if (state.compareAndSet(PENDING, HANDED_OVER)) {
      stopTimer();
      actual.onNext(connection);
    } else {
      late.accept(connection);
    }
  }

  @Override
  public void onError(Throwable e) {
    stopTimer();
    if (state.compareAndSet(PENDING, CANCELLED)) {
      actual.onError(e);
    }
  }

  @Override
  public void onComplete() {
    stopTimer();
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
      stopTimer();
      upstream.cancel();
    }
  }
}
