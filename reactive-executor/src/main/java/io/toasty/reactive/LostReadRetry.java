package io.toasty.reactive;

import io.toasty.ConnectionLostException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * A read outside a transaction whose connection was lost before it emitted anything, subscribed
 * once more at once ({@link DbBuilder#retryLostReads}). A read changes nothing, so running it
 * again is safe whatever reached the server; once a row was emitted the subscriber would see it
 * twice, so the error is signalled instead. What this covers: a pooled session that answered the
 * pool's validation and died just after it (its server process killed), whose read then fails
 * on a write to a closed socket; the second try takes another connection, validated in turn
 * (the TCK's {@code FaultScenarios.aReadRightAfterIdleSessionsAreKilledSucceeds}).
 */
final class LostReadRetry {
  private LostReadRetry() {}

  /** {@code read}'s flux, subscribed a second time if the first fails as above. */
  static <T> Flux<T> once(Supplier<Flux<T>> read) {
    return Flux.defer(() -> {
      AtomicBoolean emitted = new AtomicBoolean();
      return read.get().doOnNext(item -> emitted.lazySet(true))
          .onErrorResume(e -> e instanceof ConnectionLostException && !emitted.get(),
              e -> Flux.defer(read));
    });
  }
}
