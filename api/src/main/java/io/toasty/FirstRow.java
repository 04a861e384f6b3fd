package io.toasty;

import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The first record of a read that returns at most one (its key pins it, or {@code LIMIT 1}),
 * read to its end rather than cancelled after the first; with none, empty, or the error that
 * {@code missing} makes ({@link Select#get}'s {@link RecordNotFoundException}).
 *
 * <p>Why not {@code reduce(keepFirst)} and {@code switchIfEmpty(Mono.error(..))}: every get by
 * key passes here, and those are two operators and an error publisher per read where one
 * subscriber does. Why read to the end: a cancelled read costs a drain of the statement's end
 * over the wire and a release that waits for it.
 */
final class FirstRow<T> extends Mono<T> {
  private final Flux<T> rows;
  private final Supplier<? extends Throwable> missing;

  /** The first of {@code rows}; with none, {@code missing}'s error (null: empty). */
  FirstRow(Flux<T> rows, Supplier<? extends Throwable> missing) {
    this.rows = rows;
    this.missing = missing;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    rows.subscribe(new First<>(actual, missing));
  }

  /** Asks for every row, keeps the first, and tells the subscriber at the end. */
  private static final class First<T> extends Operators.MonoSubscriber<T, T> {
    private final Supplier<? extends Throwable> missing;
    private Subscription upstream;
    private T first;
    private boolean done;

    First(CoreSubscriber<? super T> actual, Supplier<? extends Throwable> missing) {
      super(actual);
      this.missing = missing;
    }

    @Override
    public void onSubscribe(Subscription s) {
      if (Operators.validate(upstream, s)) {
        upstream = s;
        actual.onSubscribe(this);
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(T row) {
      if (done || first != null) {
        Operators.onDiscard(row, actual.currentContext()); // a second row: dropped, as keepFirst
        return;
      }
      first = row;
    }

    @Override
    public void onError(Throwable e) {
      if (done) {
        Operators.onErrorDropped(e, actual.currentContext());
        return;
      }
      done = true;
      first = null;
      actual.onError(e);
    }

    @Override
    public void onComplete() {
      if (done) {
        return;
      }
      done = true;
      T row = first;
      if (row != null) {
        first = null;
        complete(row);
      } else if (missing != null) {
        Throwable e;
        try {
          e = missing.get();
        } catch (RuntimeException failed) {
          e = failed;
        }
        actual.onError(e);
      } else {
        actual.onComplete();
      }
    }

    @Override
    public void cancel() {
      super.cancel();
      upstream.cancel();
    }
  }
}
