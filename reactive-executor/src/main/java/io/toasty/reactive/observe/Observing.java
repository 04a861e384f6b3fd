package io.toasty.reactive.observe;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/** Wraps a statement's {@code Flux} so that its observation starts on subscribe and ends once. */
public final class Observing {
  private Observing() {}

  /**
   * {@code statement}, observed by {@code observer}: started at each subscription, ended when it
   * completes, fails or is cancelled (Reactor's {@code doFinally} runs exactly once).
   */
  public static <T> Flux<T> wrap(StatementObserver observer, StatementInfo info,
      Flux<T> statement) {
    Objects.requireNonNull(observer, "observer");
    return Flux.deferContextual(context -> {
      StatementObservation observation = observer.start(info, context);
      AtomicLong rows = new AtomicLong();
      AtomicReference<Throwable> error = new AtomicReference<>();
      return statement
          .doOnNext(item -> rows.incrementAndGet())
          .doOnError(error::set)
          .doFinally(signal -> observation.end(rows.get(), error.get(),
              signal == SignalType.CANCEL));
    });
  }
}
