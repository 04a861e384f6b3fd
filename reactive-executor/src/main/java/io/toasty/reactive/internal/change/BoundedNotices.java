package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * The notices of a stream waiting for a slow subscriber, handed to it as batches (each request
 * takes every notice waiting, at most {@code batch} of them, or the next one to come), and at
 * most {@code limit} of them waiting: the
 * driver's notices are taken as fast as they come (a database cannot be told to hold them, and
 * PostgreSQL's driver drops a notification its subscriber has not asked for), and while
 * {@code limit} wait, the next one is replaced by one {@link Change.Kind#GAP} mark and the
 * following ones are dropped until the subscriber has taken some. So the memory a subscriber
 * holds is bounded, the stream goes on, and the mark sits where the missed changes were: after
 * the notices kept, before the ones that come once there is room again
 * ({@code BoundedNoticesTest}).
 */
final class BoundedNotices extends Flux<List<ChangeNotice>> {
  private final Publisher<ChangeNotice> source;
  private final int limit;
  private final int batch;

  BoundedNotices(Publisher<ChangeNotice> source, int limit, int batch) {
    if (limit < 1) {
      throw new IllegalArgumentException("a change buffer of " + limit + " notices");
    }
    this.source = source;
    this.limit = limit;
    this.batch = batch;
  }

  @Override
  public void subscribe(CoreSubscriber<? super List<ChangeNotice>> actual) {
    source.subscribe(new Waiting(actual, limit, batch));
  }

  /** The queue between the driver's notices and the subscriber's demand. */
  private static final class Waiting implements CoreSubscriber<ChangeNotice>, Subscription {
    private final CoreSubscriber<? super List<ChangeNotice>> actual;
    private final int limit;
    private final int batch;
    /** Guarded by itself; holds at most {@code limit} notices and one trailing GAP. */
    private final ArrayDeque<ChangeNotice> queue = new ArrayDeque<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private @Nullable Subscription upstream;
    private volatile boolean done;
    private volatile boolean cancelled;
    private @Nullable Throwable error;

    Waiting(CoreSubscriber<? super List<ChangeNotice>> actual, int limit, int batch) {
      this.actual = actual;
      this.limit = limit;
      this.batch = batch;
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
    public void onNext(ChangeNotice notice) {
      synchronized (queue) {
        ChangeNotice last = queue.peekLast();
        if (queue.size() < limit) {
          queue.add(notice);
        } else if (last == null || last.kind() != Change.Kind.GAP) {
          queue.add(ChangeNotice.mark(Change.Kind.GAP));
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
          List<ChangeNotice> next = new ArrayList<>();
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
