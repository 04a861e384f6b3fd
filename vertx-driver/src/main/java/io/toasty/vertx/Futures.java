package io.toasty.vertx;

import io.vertx.core.Future;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Vert.x futures as Monos: nothing is sent before the Mono is subscribed. */
final class Futures {
  private Futures() {}

  /**
   * The outcome of the future {@code call} makes when subscribed. A cancel does not stop the
   * call: the connection's lane waits for the work of an operation to end, not its subscriber.
   */
  static <T> Mono<T> mono(Supplier<Future<T>> call) {
    return new FutureMono<>(call);
  }
}
