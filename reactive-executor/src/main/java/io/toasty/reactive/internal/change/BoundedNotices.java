package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * The notices of a stream (a driver's {@link ChangeNotice}s, or the {@link ReadNotice}s shared
 * among a model's subscribers) waiting for a slow subscriber, handed to it as batches (each request
 * takes every notice waiting, at most {@code batch} of them, or the next one to come), and at
 * most {@code limit} of them waiting: the
 * driver's notices are taken as fast as they come (a database cannot be told to hold them, and
 * PostgreSQL's driver drops a notification its subscriber has not asked for), and while
 * {@code limit} wait, the next one is replaced by one {@link Change.Kind#GAP} mark ({@code gap})
 * and the
 * following ones are dropped until the subscriber has taken some. So the memory a subscriber
 * holds is bounded, the stream goes on, and the mark sits where the missed changes were: after
 * the notices kept, before the ones that come once there is room again
 * ({@code BoundedNoticesTest}).
 */
final class BoundedNotices<T> extends Flux<List<T>> {
  private final Publisher<T> source;
  private final int limit;
  private final int batch;
  private final T gap;
  private final Predicate<T> isGap;

  /** The driver's notices of one stream, bounded. */
  static BoundedNotices<ChangeNotice> of(Publisher<ChangeNotice> source, int limit, int batch) {
    return new BoundedNotices<>(source, limit, batch, ChangeNotice.mark(Change.Kind.GAP),
        n -> n.kind() == Change.Kind.GAP);
  }

  BoundedNotices(Publisher<T> source, int limit, int batch, T gap, Predicate<T> isGap) {
    if (limit < 1) {
      throw new IllegalArgumentException("a change buffer of " + limit + " notices");
    }
    this.source = source;
    this.limit = limit;
    this.batch = batch;
    this.gap = gap;
    this.isGap = isGap;
  }

  @Override
  public void subscribe(CoreSubscriber<? super List<T>> actual) {
    source.subscribe(new Waiting<>(actual, this));
  }

  /** The queue between the source's notices and the subscriber's demand. */
  private static final class Waiting<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super List<T>> actual;
    private final int limit;
    private final int batch;
    private final T gap;
    private final Predicate<T> isGap;
    /** Guarded by itself; holds at most {@code limit} notices and one trailing GAP. */
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private @Nullable Subscription upstream;
    private volatile boolean done;
    private volatile boolean cancelled;
    private @Nullable Throwable error;

    Waiting(CoreSubscriber<? super List<T>> actual, BoundedNotices<T> bounds) {
      this.actual = actual;
      this.limit = bounds.limit;
      this.batch = bounds.batch;
      this.gap = bounds.gap;
      this.isGap = bounds.isGap;
    }

    @Override
    public reactor.util.context.Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      if (Operators.validate(upstream, s)) {
        upstream = s;
        // first: what a source has at hand waits, to be the subscriber's first batch
        s.request(Long.MAX_VALUE);
        actual.onSubscribe(this);
      }
    }

    @Override
    public void onNext(T notice) {
      synchronized (queue) {
        T last = queue.peekLast();
        if (queue.size() < limit) {
          queue.add(notice);
        } else if (last == null || !isGap.test(last)) {
          queue.add(gap);
        }
      }
      drain();
    }

    @Override
    public void onError(Throwable e) {
      error = e;
      done = true;
      drain();
    }

    @Override
    public void onComplete() {
      done = true;
      drain();
    }

    @Override
    public void request(long n) {
      if (Operators.validate(n)) {
        requested.getAndUpdate(r -> Operators.addCap(r, n));
        drain();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      Subscription s = upstream;
      if (s != null) {
        s.cancel();
      }
      if (wip.getAndIncrement() == 0) {
        clear();
      }
    }

    private void clear() {
      synchronized (queue) {
        queue.clear();
      }
    }

    /** Hands waiting notices to the subscriber, a batch per request; one thread at a time. */
    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        if (cancelled) {
          clear();
          return;
        }
        while (requested.get() > 0) {
          List<T> next = new ArrayList<>();
          synchronized (queue) {
            while (next.size() < batch && !queue.isEmpty()) {
              next.add(queue.poll());
            }
          }
          if (next.isEmpty() || cancelled) {
            break;
          }
          requested.getAndUpdate(r -> r == Long.MAX_VALUE ? r : r - 1);
          actual.onNext(next);
        }
        if (done && !cancelled && isEmpty()) {
          cancelled = true;
          Throwable e = error;
          if (e != null) {
            actual.onError(e);
          } else {
            actual.onComplete();
          }
          return;
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private boolean isEmpty() {
      synchronized (queue) {
        return queue.isEmpty();
      }
    }
  }
}
