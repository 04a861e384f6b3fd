package io.toasty.reactive;

import io.toasty.driver.Driver;
import reactor.core.publisher.Mono;

/** Schema management for a {@link Db}: {@code db.schema().push()}, {@code db.schema().reset()}. */
public final class DbSchema {
  private final Driver driver;

  DbSchema(Driver driver) {
    this.driver = driver;
  }

  /** Creates the tables and indexes that do not exist yet. */
  public Mono<Void> push() {
    return Mono.defer(driver::pushSchema);
  }

  /** Drops every table of the schema and creates them again, empty. For tests and development. */
  public Mono<Void> reset() {
    return Mono.defer(driver::resetSchema);
  }
}
