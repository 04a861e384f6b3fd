package io.toasty.driver;

import java.util.Optional;
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

  /**
   * The pool's gauges now, or empty when the driver keeps no pool of connections (its
   * {@link #connect()} never waits for another connection to be given back). The engine reads
   * {@link PoolState#maxSize()} to hand out the pool's connections so that no plan holds one
   * while it waits for another. A driver decorator must delegate this, or the engine takes the
   * decorated driver for one without a pool.
   */
  default Optional<PoolState> poolState() {
    return Optional.empty();
  }

  /**
   * This driver, or the driver a decorator wraps, if it is a {@code type}: for tools that need
   * the backend's own client (migrations on DynamoDB). A decorator delegates to the driver it
   * wraps when it is not a {@code type} itself.
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /** Closes the pool; connections in use are closed as they are returned. */
  Mono<Void> close();
}
