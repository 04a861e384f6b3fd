package io.toasty.reactive.observe;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** Wraps a statement's {@code Flux} so that its observation starts on subscribe and ends once. */
public final class Observing {
  private Observing() {}

  /**
   * {@code statement}, observed by {@code observer}: started at each subscription, ended once
   * when it completes, fails or is cancelled. The observation ends before the signal goes on
   * downstream (not in a {@code doFinally}, which runs after it): a caller that has the result
   * or the error finds the statement recorded, whichever thread the driver answered on.
   *
   * <p>A cancel counts as one ({@code cancelled} at the end) only when it cut the result short:
   * a caller that stops once it has every record the statement can emit (an update's count taken
   * with {@code next()}, a get whose key pins one record, the rows of a limit) had a complete
   * result ({@link StatementInfo#cutShortAt}).
   */
  public static <T> Flux<T> wrap(StatementObserver observer, StatementInfo info,
      Flux<T> statement) {
    return wrap(observer, info, statement, item -> 1);
  }

  /**
   * {@link #wrap(StatementObserver, StatementInfo, Flux)} of a statement whose items each hold
   * {@code rowsOf} rows: a collected read's one list holds its records.
   */
  public static <T> Flux<T> wrap(StatementObserver observer, StatementInfo info,
      Flux<T> statement, ToLongFunction<? super T> rowsOf) {
    Objects.requireNonNull(observer, "observer");
    return Flux.deferContextual(context -> {
      StatementObservation observation = observer.start(info, context);
      AtomicLong rows = new AtomicLong();
      // a cancel may race the completion: whichever comes first ends the observation
      AtomicBoolean ended = new AtomicBoolean();
      return statement
          .doOnNext(item -> rows.addAndGet(rowsOf.applyAsLong(item)))
          .doOnComplete(() -> end(observation, ended, rows, null, false))
          .doOnError(e -> end(observation, ended, rows, e, false))
          .doOnCancel(() -> end(observation, ended, rows, null, info.cutShortAt(rows.get())));
    });
  }

  private static void end(StatementObservation observation, AtomicBoolean ended, AtomicLong rows,
      @Nullable Throwable error, boolean cancelled) {
    if (ended.compareAndSet(false, true)) {
      observation.end(rows.get(), error, cancelled);
    }
  }
}
