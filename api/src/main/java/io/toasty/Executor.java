package io.toasty;

import io.toasty.stmt.Statement;
import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/**
 * Runs untyped statements: a {@code Db}, or a transaction bound to one connection. The typed
 * builders ({@link Select}, {@link Create}, {@link Update}, {@link Delete}) call it and load the
 * results into records.
 */
public interface Executor {

  /**
   * Plans and runs a statement. A statement returning {@code Returning.Model} yields one
   * {@link Value.Record} per record, with the model's fields in order; one returning
   * {@code Returning.Count} yields a single {@link Value.I64}. Nothing runs until subscription;
   * cancelling stops the database work.
   */
  Flux<Value> exec(Statement statement);
}
