package io.toasty.reactive.hook;

import io.toasty.reactive.Tx;
import reactor.core.publisher.Mono;

/**
 * What a {@link Hook} does with one record: a reactive function that completes to let the
 * statement go on, or fails to veto it.
 *
 * @param <M> the model's record type
 */
@FunctionalInterface
public interface RecordHook<M> {

  /**
   * Runs for {@code record}, in {@code tx}: the statement's transaction, so that what the hook
   * writes through {@code tx} commits or rolls back with the statement.
   *
   * @return a {@code Mono} that completes to let the statement go on; its error (or an exception
   *     thrown here) fails the statement, and its transaction rolls back
   */
  Mono<Void> apply(Tx tx, M record);
}
