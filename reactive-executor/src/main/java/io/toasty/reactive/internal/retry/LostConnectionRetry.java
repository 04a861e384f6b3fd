package io.toasty.reactive.internal.retry;

import io.toasty.error.ConnectionLostException;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * A statement outside a transaction whose connection was lost before it emitted anything,
 * subscribed again at once, each time on another connection, up to a bound
 * ({@code DbBuilder.retryLostReads}). A read changes nothing, so running it again is safe whatever
 * reached the server; a write is run again only when the driver knows none of it was sent
 * ({@link ConnectionLostException#nothingSent()}). Once a row was emitted the subscriber would see
 * it twice, so the error is signalled instead.
 *
 * <p>What this covers: the pool checks a connection that sat idle only briefly by looking at its
 * socket, and a session the server ended a moment earlier (an operator's kill of every idle
 * session, a restart) can pass that look before the client has read the server's goodbye. Each
 * such connection fails one try and is dropped by the pool; the bound, the pool's size plus one,
 * outlasts a pool whose every idle session died
 * (the TCK's {@code FaultScenarios.aReadRightAfterIdleSessionsAreKilledSucceeds}).
 */
public final class LostConnectionRetry {
  private LostConnectionRetry() {}

  /**
   * {@code work}'s flux, subscribed up to {@code attempts} times in all while it fails as above;
   * {@code read} says whether it changes nothing.
   */
  public static <T> Flux<T> upTo(int attempts, boolean read, Supplier<Flux<T>> work) {
    return Flux.defer(() -> attempt(attempts - 1, read, work));
  }

  private static <T> Flux<T> attempt(int left, boolean read, Supplier<Flux<T>> work) {
    if (left <= 0) {
      return work.get();
    }
    boolean[] emitted = new boolean[1];
    return work.get().doOnNext(item -> emitted[0] = true)
        .onErrorResume(e -> !emitted[0] && repeatable(e, read),
            e -> attempt(left - 1, read, work));
  }

  /** Whether a failure {@code e} before any row leaves the statement safe to run again. */
  private static boolean repeatable(Throwable e, boolean read) {
    return e instanceof ConnectionLostException lost && (read || lost.nothingSent());
  }
}
