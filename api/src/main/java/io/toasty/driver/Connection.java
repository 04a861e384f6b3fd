package io.toasty.driver;

import reactor.core.publisher.Mono;

/**
 * One session with the database, as taken from the driver's pool. Not thread safe: the engine
 * issues one operation at a time on a connection and consumes its rows before the next.
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
