package io.toasty.driver;

import reactor.core.publisher.Mono;

/**
 * A backend. Drivers are made by a {@link DriverProvider} for one schema, so that they can resolve
 * the table and column names that operations refer to by index.
 */
public interface Driver {

  /** What this backend can do; constant for the driver's life. */
  Capability capability();

  /** A connection from the pool; cancelling the subscription releases a pending acquire. */
  Mono<Connection> connect();

  /** Creates the schema's tables and indexes that do not exist yet. */
  Mono<Void> pushSchema();

  /** Drops the schema's tables and creates them again, empty. For tests and development. */
  Mono<Void> resetSchema();

  /** Closes the pool; connections in use are closed as they are returned. */
  Mono<Void> close();
}
