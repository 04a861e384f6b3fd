package io.toasty.driver;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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

  /**
   * Creates the schema's tables and indexes that do not exist yet, and adds to the tables that
   * exist what the models declare and they lack, where the backend can add it in place
   * ({@link SchemaUpgrade}); what it cannot add is left, and {@link #schemaUpgrades()} reports it.
   * A constraint the stored rows violate fails the push with a
   * {@link io.toasty.error.SchemaUpgradeException}.
   */
  Mono<Void> pushSchema();

  /**
   * What the schema's existing tables lack that the models declare: what {@link #pushSchema()}
   * would add ({@link SchemaUpgrade#inPlace()}), and what it cannot add, with the statements that
   * would. Empty when the tables are up to date, or for a backend that does not tell. A driver
   * decorator must delegate this.
   */
  default Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return Mono.just(List.of());
  }

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
   * How this driver writes the planner's operations in its backend's language, for
   * {@code Db.explain}; empty (the default) when it has no text to show.
   */
  default Optional<OperationText> operationText() {
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

  /**
   * The committed changes of {@code model}'s records, as notices in commit order, starting
   * with a {@link io.toasty.Change.Kind#LISTENING} mark once the driver listens; a
   * {@link io.toasty.Change.Kind#GAP} mark each time it listens again after losing its
   * listener. The driver listens on a connection of its own, outside the pool, which cancelling
   * closes. A backend without change streams ({@link Capability#changeStreams()}) fails with an
   * {@link UnsupportedFeatureException} of {@link Feature#CHANGE_STREAMS} (this default). A
   * driver decorator must delegate this.
   *
   * <p>With {@code after}, a record change's token as this driver wrote it
   * ({@link ChangeNotice#token()}), the stream resumes: after {@code LISTENING} come the changes
   * committed after that one, then the live ones, none twice; where the database no longer
   * holds what followed the token, a {@link io.toasty.Change.Kind#GAP} first. A token this
   * driver cannot read fails the stream with an
   * {@link io.toasty.error.InvalidResumeTokenException}.
   */
  default Flux<ChangeNotice> changes(String model, @Nullable String after) {
    return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS,
        capability().backend(), "following the changes of " + model));
  }

  /**
   * Whether a connection sends the independent reads of {@link Connection#readEach} together,
   * without waiting for one's answer before sending the next (a pipeline). The engine then
   * answers reads of one plan that wait for a connection at the same time with one
   * {@code readEach} ({@code DbBuilder.pipelineReads}). False by default: a driver whose client
   * writes a statement only after the previous one's answer (r2dbc-postgresql, r2dbc-mysql)
   * would gain nothing.
   */
  default boolean pipelinesReads() {
    return false;
  }

  /** Closes the pool; connections in use are closed as they are returned. */
  Mono<Void> close();
}
