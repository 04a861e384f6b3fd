package io.toasty.reactive.observe;

import org.jspecify.annotations.Nullable;

/** One statement's observation, ended exactly once by the engine. */
public interface StatementObservation {

  /**
   * The statement finished: completed ({@code error} null, not {@code cancelled}), failed
   * ({@code error} set) or was cancelled by its subscriber.
   *
   * @param rows how many records it emitted
   */
  void end(long rows, @Nullable Throwable error, boolean cancelled);
}
