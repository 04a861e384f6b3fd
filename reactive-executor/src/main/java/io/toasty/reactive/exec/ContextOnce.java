package io.toasty.reactive.exec;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * An operator that ignores a stream of rows ({@code then()}, {@code count()}), answering the
 * operators above it the subscriber's context as looked up once, when subscribed.
 *
 * <p>Why: reactor discards each element such an operator ignores, and a discard looks up the
 * subscriber's context for a discard hook: a walk down the whole chain of subscribers per row.
 * An include's children cost ~10 % of a 1,000 x 10 include in those walks
 * (docs/design/performance.md). Nothing between the rows and the operator changes the
 * context, so the one it was subscribed with is the one every discard would have found.
 */
final class ContextOnce {
  private ContextOnce() {}

  /** {@code ignoring} (a {@code then()} or {@code count()} over rows), its context fixed. */
  static <T> Mono<T> of(Mono<T> ignoring) {
    return ignoring.contextWrite(Function.identity());
  }
}
