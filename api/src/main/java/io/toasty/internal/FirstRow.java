package io.toasty.internal;

import io.toasty.Select;
import io.toasty.error.RecordNotFoundException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The first record of a read that returns at most one (its key pins it, or {@code LIMIT 1}),
 * told as soon as its row comes, the rest read to its end behind it rather than cancelled; with
 * none, empty, or the error that {@code missing} makes ({@link Select#get}'s
 * {@link RecordNotFoundException}).
 *
 * <p>Why not {@code reduce(keepFirst)} and {@code switchIfEmpty(Mono.error(..))}: every get by
 * key passes here, and those are two operators and an error publisher per read where one
 * subscriber does.
 *
 * <p>Why told at the row: the row is all the read has to give, and what follows it is the
 * statement's end and the connection's release, which the caller need not wait for. Told after
 * them, a get by key on PostgreSQL took 4-5 % longer than the raw driver's {@code next()}, which
 * tells at the row too (docs/design/performance.md, "Tell the caller at the row"). The connection goes back right after
 * (the next statement of the same caller may find it still out and take another).
 *
 * <p>Why the rest is read to its end, even when the subscriber cancels once told (as
 * {@code block()} does): a cancelled read costs a drain of the statement's end over the wire and
 * a release that waits for it; after the row there is at most that end left. An error after the
 * row (the statement's end or the release failing) is not the record's: the subscriber has it
 * whole, and the error is dropped (a lost connection is still dropped from the pool on release).
 */
public final class FirstRow<T> extends Mono<T> {
  private final Flux<T> rows;
  private final @Nullable Supplier<? extends Throwable> missing;

  /** The first of {@code rows}; with none, {@code missing}'s error (null: empty). */
  public FirstRow(Flux<T> rows, @Nullable Supplier<? extends Throwable> missing) {
    this.rows = rows;
    this.missing = missing;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    rows.subscribe(new First<>(actual, missing));
  }

  /** Asks for every row, tells the first at once, and the end only where there was none. */
  private static final class First<T> extends Operators.MonoSubscriber<T, T> {
    private final @Nullable Supplier<? extends Throwable> missing;
    @SuppressWarnings("NullAway.Init") // set by onSubscribe, before any other signal
    private Subscription upstream;
    /** The record was told, or the read ended: every later signal of the rows is dropped. */
    private volatile boolean done;
    /** The record was told (set and read on the rows' signals, which come one at a time). */
    private boolean told;

    First(CoreSubscriber<? super T> actual, @Nullable Supplier<? extends Throwable> missing) {
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
      if (done) {
        Operators.onDiscard(row, actual.currentContext()); // a second row: dropped, as keepFirst
        return;
      }
      told = true;
      done = true;
      complete(row);
    }

    @Override
    public void onError(Throwable e) {
      if (told) {
        return; // after the record: not its error (see the class comment)
      }
      if (done) {
        Operators.onErrorDropped(e, actual.currentContext());
        return;
      }
      done = true;
      actual.onError(e);
    }

    @Override
    public void onComplete() {
      if (done) {
        return;
      }
      done = true;
      if (missing == null) {
        actual.onComplete();
        return;
      }
      Throwable e;
      try {
        e = missing.get();
      } catch (RuntimeException failed) {
        e = failed;
      }
      actual.onError(e);
    }

    /** Before the row, the read is given up; after it, the rest is read to its end. */
    @Override
    public void cancel() {
      boolean ended = done;
      super.cancel();
      if (!ended) {
        upstream.cancel();
      }
    }
  }
}
