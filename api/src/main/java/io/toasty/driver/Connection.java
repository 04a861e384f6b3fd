package io.toasty.driver;

import reactor.core.publisher.Mono;

/**
 * One session with the database, as taken from the driver's pool. Not thread safe: the engine
 * issues one operation at a time on a connection and consumes its rows before the next.
 *
 * <p>Cancellation, which transactions depend on: when the subscriber of an operation's result
 * (or of its rows) cancels, an operation already sent to the database finishes before the next
 * operation on the connection runs, and an operation not yet sent is never sent. The engine's
 * ROLLBACK after a cancel is the next operation; a write that ran after it would commit on its
 * own.
 */
public interface Connection {

  /**
   * Runs one operation. Errors arrive as signals, already translated to the library's typed
   * exceptions ({@code UniqueViolationException}, {@code DriverException}, ...).
   */
  Mono<ExecResponse> exec(Operation operation);

  /** Returns the connection to its pool (or closes it). Idempotent. */
  Mono<Void> close();
}
