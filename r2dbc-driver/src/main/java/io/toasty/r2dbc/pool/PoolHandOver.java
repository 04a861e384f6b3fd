package io.toasty.r2dbc.pool;

import io.r2dbc.spi.Connection;
import io.toasty.driver.DeadlineTimer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
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
 * <p>A connection delivered after the cancel went to the pool goes to the late path, which gives
 * only its pool reference back ({@link LateRelease}), never closes it. Usually the cancel reached
 * r2dbc-pool's own guard, which gave the reference back already (its discard-on-cancel releases
 * the pooled reference when cancelled, and a borrower cancelled while waiting is never served),
 * and the second release does nothing; a close would also run the release's work on a session
 * the pool may have lent again. But the guard misses a cancel that races the preparation's
 * subscription inside r2dbc-pool's {@code flatMap} (reactor-core's {@code MonoFlatMap}), and
 * then only the late path gives the connection back.
 *
 * <p>A wait with a limit ({@link #subscribe}) ends at the limit as a cancel does, under the same
 * rule: the deadline and the delivery race for the one hand-over, so a connection is either
 * delivered or given up, never both (a {@code timeout} operator after the hand-over would drop a
 * connection delivered as it fires). The limit is a deadline on the shared
 * {@link DeadlineTimer}, not a task of its own on the parallel scheduler: a task per acquire woke
 * a thread per acquire (docs/design/performance.md).
 */
final class PoolHandOver extends DeadlineTimer.Wait
    implements CoreSubscriber<Connection>, Subscription {
  private static final int PENDING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;

  private final CoreSubscriber<? super Connection> actual;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final Consumer<Connection> late;
  private final Supplier<? extends Throwable> timeout;
  private volatile Subscription upstream;

  private PoolHandOver(CoreSubscriber<? super Connection> actual, Consumer<Connection> late,
      Supplier<? extends Throwable> timeout) {
    this.actual = actual;
    this.late = late;
    this.timeout = timeout;
  }

  /**
   * Subscribes {@code actual} to {@code acquire}, its connection handed over once delivered, or
   * the error of {@code timeout} once {@code limit} has passed without one (the acquire is then
   * cancelled). A connection delivered after the cancel goes to {@code late}: its reference
   * given back for r2dbc-pool's ({@link LateRelease}), a close for a factory's own.
   */
  static void subscribe(Mono<? extends Connection> acquire, Duration limit,
      Supplier<? extends Throwable> timeout, Consumer<Connection> late,
      CoreSubscriber<? super Connection> actual) {
    PoolHandOver h = new PoolHandOver(actual, late, timeout);
    acquire.subscribe(h);
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
      actual.onError(timeout.get());
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
      stopDeadline();
      actual.onNext(connection);
    } else {
      late.accept(connection);
    }
  }

  @Override
  public void onError(Throwable e) {
    stopDeadline();
    if (state.compareAndSet(PENDING, CANCELLED)) {
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
      upstream.cancel();
    }
  }
}
