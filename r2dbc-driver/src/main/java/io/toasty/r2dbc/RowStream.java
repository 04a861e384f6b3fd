package io.toasty.r2dbc;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The rows of one execution of a statement: subscribing runs it ({@code execute}), and each
 * {@link Result} it gives, one after the other, has its rows mapped by {@code mapper} and passed
 * on with the subscriber's demand plus one row ahead. A second subscription, which would run an
 * insert twice, is an {@link IllegalStateException}.
 *
 * <p>Why one row ahead: r2dbc-postgresql and r2dbc-mysql read the end of a result
 * (CommandComplete, OK) only on demand, so a subscriber that asks for exactly as many rows as
 * there are would wait for {@code onComplete} forever. The row that demand ahead brings in waits
 * here, at most one, until the subscriber asks for it; an unbounded subscriber (a list, a get by
 * key) gets every row straight from the driver's call, with no buffer and no lock.
 *
 * <p>Why an operator of its own: {@code defer} + {@code concatMap(result.map, 1)} +
 * {@code limitRate(1)} did the same with some ten objects per statement (two queues among them).
 *
 * <p>How: the driver's rows go to the subscriber from the driver's thread, and {@code requested}
 * (the subscriber's demand not yet met, or {@link Rows#AHEAD}: none, and one row waiting) decides
 * by compare-and-set whether a row goes on or waits. Everything else (demand passed on, the row
 * waiting, the next result, the end, the cancel) runs in one drain loop at a time. A row waits
 * only when the result was asked for nothing more, and new demand reaches the result only after
 * that row has gone on, so the drain never emits while the driver does. An error of the results
 * publisher while a result's rows are read comes once those rows have ended.
 */
final class RowStream<T> extends Flux<T> {
  @SuppressWarnings("rawtypes") // the updater of a generic class is of its raw type
  private static final AtomicIntegerFieldUpdater<RowStream> RUN =
      AtomicIntegerFieldUpdater.newUpdater(RowStream.class, "run");

  private final Supplier<? extends Publisher<? extends Result>> execute;
  private final BiFunction<Row, RowMetadata, ? extends T> mapper;
  private volatile int run;

  /** The rows of {@code execute}'s results, each mapped by {@code mapper}. */
  RowStream(Supplier<? extends Publisher<? extends Result>> execute,
      BiFunction<Row, RowMetadata, ? extends T> mapper) {
    this.execute = execute;
    this.mapper = mapper;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (!RUN.compareAndSet(this, 0, 1)) {
      Operators.error(actual, new IllegalStateException("these rows were already read"));
      return;
    }
    Publisher<? extends Result> results;
    try {
      results = execute.get();
    } catch (RuntimeException e) {
      Operators.error(actual, e);
      return;
    }
    results.subscribe(new Rows<>(actual, mapper));
  }

  /** Subscribes to the results, one at a time, and is the subscriber's subscription. */
  private static final class Rows<T> implements CoreSubscriber<Result>, Subscription {
    /** In {@link #requested}: no demand, and one row waits in {@link #ahead}. */
    static final long AHEAD = -1;
    /** In {@link #phase}: a result was asked for and has not come. */
    static final int ASKED = 0;
    /** In {@link #phase}: a result's rows are being read. */
    static final int READING = 1;
    /** In {@link #phase}: a result's rows have ended; the next is not yet asked for. */
    static final int ENDED = 2;

    @SuppressWarnings("rawtypes")
    static final AtomicLongFieldUpdater<Rows> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(Rows.class, "requested");
    @SuppressWarnings("rawtypes")
    static final AtomicLongFieldUpdater<Rows> MISSED =
        AtomicLongFieldUpdater.newUpdater(Rows.class, "missed");
    @SuppressWarnings("rawtypes")
    static final AtomicIntegerFieldUpdater<Rows> WIP =
        AtomicIntegerFieldUpdater.newUpdater(Rows.class, "wip");
    @SuppressWarnings("rawtypes")
    static final AtomicReferenceFieldUpdater<Rows, Subscription> FRESH =
        AtomicReferenceFieldUpdater.newUpdater(Rows.class, Subscription.class, "fresh");
    @SuppressWarnings("rawtypes")
    static final AtomicReferenceFieldUpdater<Rows, Throwable> ERROR =
        AtomicReferenceFieldUpdater.newUpdater(Rows.class, Throwable.class, "error");

    final CoreSubscriber<? super T> actual;
    final BiFunction<Row, RowMetadata, ? extends T> mapper;
    /** The subscriber of each result's rows, one after the other. */
    final ResultRows results = new ResultRows();

    /** The subscriber's demand not yet met, {@code Long.MAX_VALUE} if unbounded, or AHEAD. */
    volatile long requested;
    /** Demand the subscriber added that the drain has not passed on yet. */
    volatile long missed;
    volatile int wip;
    volatile int phase = ASKED;
    /** The rows of a result, subscribed, and not yet asked for any. */
    volatile Subscription fresh;
    /** The first error (of the results or of a result's rows); later ones are dropped. */
    volatile @Nullable Throwable error;
    volatile boolean resultsDone;
    /** The driver sent a row beyond demand: the result's rows are cancelled in the drain. */
    volatile boolean overflow;
    volatile boolean cancelled;
    /** The subscriber was told the end or cancelled: no signal goes to it any more. */
    volatile boolean stopped;

    /** The results' subscription. */
    Subscription upstream;
    /** The row that came ahead of demand: written before AHEAD is set, read after it is seen. */
    @Nullable T ahead;
    /** The rows of the result being read (drain only). */
    @Nullable Subscription current;
    /** The cancel has reached the subscriptions (drain only). */
    boolean cleared;

    @SuppressWarnings("NullAway.Init") // set by onSubscribe and the first result, before use
    Rows(CoreSubscriber<? super T> actual, BiFunction<Row, RowMetadata, ? extends T> mapper) {
      this.actual = actual;
      this.mapper = mapper;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    // ---- the results publisher

    @Override
    public void onSubscribe(Subscription s) {
      if (Operators.validate(upstream, s)) {
        upstream = s;
        actual.onSubscribe(this);
        if (!cancelled) {
          s.request(1); // the first result: the statement runs now, as it did under concatMap
        }
      }
    }

    @Override
    public void onNext(Result result) {
      if (stopped) {
        return; // cancelled: its rows are not read
      }
      phase = READING;
      Publisher<? extends T> rows;
      try {
        rows = result.map(mapper);
      } catch (RuntimeException e) {
        results.onError(e);
        return;
      }
      rows.subscribe(results);
    }

    @Override
    public void onError(Throwable e) {
      if (!ERROR.compareAndSet(this, null, e)) {
        Operators.onErrorDropped(e, actual.currentContext());
      }
      resultsDone = true;
      drain();
    }

    @Override
    public void onComplete() {
      resultsDone = true;
      drain();
    }

    // ---- the subscriber's subscription

    @Override
    public void request(long n) {
      if (Operators.validate(n)) {
        Operators.addCap(MISSED, this, n);
        drain();
      }
    }

    @Override
    public void cancel() {
      if (!cancelled) {
        cancelled = true;
        stopped = true;
        drain();
      }
    }

    // ---- a result's rows

    /** A row from the driver: on to the subscriber if it asked for one, else it waits. */
    void row(T row) {
      for (;;) {
        if (stopped) {
          Operators.onDiscard(row, actual.currentContext());
          return;
        }
        long r = requested;
        if (r == Long.MAX_VALUE) {
          actual.onNext(row);
          return;
        }
        if (r > 0) {
          if (REQUESTED.compareAndSet(this, r, r - 1)) {
            actual.onNext(row);
            return;
          }
        } else if (r == 0) {
          ahead = row;
          if (REQUESTED.compareAndSet(this, 0, AHEAD)) {
            return;
          }
        } else {
          // a row waits already, and the result was asked for none: the driver sent one more
          Operators.onDiscard(row, actual.currentContext());
          overflow = true;
          rowsEnded(Exceptions.failWithOverflow("the driver sent a row that was not asked for"));
          return;
        }
      }
    }

    void rowsSubscribed(Subscription s) {
      fresh = s;
      drain();
    }

    void rowsEnded(@Nullable Throwable e) {
      if (e != null && !ERROR.compareAndSet(this, null, e)) {
        Operators.onErrorDropped(e, actual.currentContext());
      }
      phase = ENDED;
      drain();
    }

    // ---- the drain

    void drain() {
      if (WIP.getAndIncrement(this) != 0) {
        return;
      }
      int missing = 1;
      do {
        if (cancelled) {
          clear();
        } else if (!stopped) {
          step();
        }
        missing = WIP.addAndGet(this, -missing);
      } while (missing != 0);
    }

    /** One pass: new demand on, a new result's rows asked for, then the next result or the end. */
    private void step() {
      long m = MISSED.getAndSet(this, 0);
      if (m != 0) {
        pass(m);
        if (stopped) {
          return; // cancelled by the row that went on: the next pass clears
        }
      }
      Subscription s = FRESH.getAndSet(this, null);
      if (s != null) {
        current = s;
        long r = requested;
        long first = r == Long.MAX_VALUE ? r : r == AHEAD ? 0 : r + 1;
        if (first != 0) {
          s.request(first); // the subscriber's demand (new demand included) and one row ahead
        }
      } else if (m != 0 && current != null) {
        current.request(m);
      }
      if (overflow && current != null) {
        current.cancel();
        current = null;
      }
      int p = phase;
      if (p == READING || requested == AHEAD) {
        return; // the rows go on, or the row waiting goes first
      }
      Throwable e = error;
      if (e != null) {
        stopped = true;
        if (!resultsDone) {
          upstream.cancel();
        }
        actual.onError(e);
      } else if (resultsDone) {
        stopped = true;
        actual.onComplete();
      } else if (p == ENDED) {
        current = null;
        phase = ASKED;
        upstream.request(1);
      }
    }

    /**
     * Adds {@code m} to the demand; a row waiting goes on first. That row came when the result
     * was asked for nothing more, and {@code m} reaches the result only after this returns, so
     * the driver is not sending a row meanwhile.
     */
    private void pass(long m) {
      for (;;) {
        long r = requested;
        if (r == AHEAD) {
          if (REQUESTED.compareAndSet(this, AHEAD, m == Long.MAX_VALUE ? m : m - 1)) {
            T row = ahead;
            ahead = null;
            actual.onNext(row);
            return;
          }
        } else if (REQUESTED.compareAndSet(this, r, Operators.addCap(r, m))) {
          return;
        }
      }
    }

    /** After a cancel: the results and the rows being read are cancelled, once. */
    private void clear() {
      if (!cleared) {
        cleared = true;
        upstream.cancel();
        if (current != null) {
          current.cancel();
          current = null;
        }
        T row = ahead;
        if (row != null && requested == AHEAD) {
          ahead = null;
          Operators.onDiscard(row, actual.currentContext());
        }
      }
      Subscription s = FRESH.getAndSet(this, null);
      if (s != null) {
        s.cancel(); // the rows of a result that came as the cancel did
      }
    }

    /** Subscribes to the rows of each result in turn. */
    private final class ResultRows implements CoreSubscriber<T> {
      @Override
      public Context currentContext() {
        return actual.currentContext();
      }

      @Override
      public void onSubscribe(Subscription s) {
        rowsSubscribed(s);
      }

      @Override
      public void onNext(T row) {
        row(row);
      }

      @Override
      public void onError(Throwable e) {
        rowsEnded(e);
      }

      @Override
      public void onComplete() {
        rowsEnded(null);
      }
    }
  }
}
