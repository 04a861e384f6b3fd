package io.toasty.reactive;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.SchemaUpgrade;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Schema management for a {@link Db}: {@code db.schema().push()}, {@code db.schema().reset()}. */
public final class DbSchema {
  private final Driver driver;
  private final Driver gated;

  DbSchema(Driver driver, Driver gated) {
    this.driver = driver;
    this.gated = gated;
  }

  /**
   * Creates the tables and indexes that do not exist yet, and adds to the existing tables the
   * constraints and indexes the models declare and they lack, where the backend can add them in
   * place; {@link #upgrades()} reports what it cannot add. A constraint the stored rows violate
   * fails the push with a {@link io.toasty.error.SchemaUpgradeException}.
   */
  public Mono<Void> push() {
    return Mono.defer(driver::pushSchema);
  }

  /**
   * What the existing tables lack of what the models declare: what {@link #push()} would add, and
   * what it cannot add in place, each with the statements that add it (see
   * {@link Driver#schemaUpgrades()}). Empty when the tables are up to date.
   */
  public Mono<List<SchemaUpgrade>> upgrades() {
    return Mono.defer(driver::schemaUpgrades);
  }

  /** Drops every table of the schema and creates them again, empty. For tests and development. */
  public Mono<Void> reset() {
    return Mono.defer(driver::resetSchema);
  }

  /**
   * Runs {@code work} on one pooled connection of its own (taken in turn with the Db's other
   * work), given back on completion, error and cancel. For schema tools such as migrations,
   * which send DDL and hold session locks on the connection: {@code work} must not take another
   * connection of this Db while it holds this one.
   */
  public <T> Flux<T> withConnection(Function<Connection, Publisher<T>> work) {
    Objects.requireNonNull(work, "work");
    return Flux.usingWhen(gated.connect(), work, Connection::close,
        (c, e) -> c.close(), Connection::close);
  }

  /** The Db's driver, under its decorators, if it is a {@code type} (see {@link Driver#unwrap}). */
  public <T> Optional<T> driver(Class<T> type) {
    return driver.unwrap(Objects.requireNonNull(type, "type"));
  }
}
