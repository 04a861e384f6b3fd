package io.toasty.sql.lane;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Sinks;

/**
 * The subscriber of a write's work in {@link OperationLane#write}: when the work ends it first
 * ends the write's turn, then hands the result on to the sink the caller observes.
 *
 * <p>Why this order: the engine gives the connection back inside the signal that the statement
 * is over ({@code R2dbcConnection.close()} from the result's completion). Told before its turn
 * had ended, that close found the lane busy and took the long way for every update, delete and
 * COMMIT: a turn of its own, a {@code Sinks.Empty} to wait on, and a release-grace timer on the
 * parallel scheduler set and cancelled (docs/design/performance.md). The work is over
 * when it terminates, so the next operation may go before the caller hears of it.
 */
final class ResultAfterTurn<T> implements CoreSubscriber<T> {
  private final Runnable endTurn;
  private final Sinks.One<T> result;
  private @Nullable T value;

  ResultAfterTurn(Runnable endTurn, Sinks.One<T> result) {
    this.endTurn = endTurn;
    this.result = result;
  }

  @Override
  public void onSubscribe(Subscription s) {
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(T t) {
    value = t; // a Mono's one value; told once the work is over (its onComplete follows)
  }

  @Override
  public void onError(Throwable e) {
    endTurn.run();
    result.tryEmitError(e);
  }

  @Override
  public void onComplete() {
    endTurn.run();
    T v = value;
    value = null;
    if (v == null) {
      result.tryEmitEmpty();
    } else {
      result.tryEmitValue(v);
    }
  }
}
