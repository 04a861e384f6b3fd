package io.toasty.reactive.exec;

import io.toasty.ModelDef;
import io.toasty.driver.Operation;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every action of one execution shares: where operations go (null for plans with no
 * operation), the arguments, and where operations go that must run while another operation's
 * rows are still streaming ({@code aside}: a pooled connection of their own per operation; null
 * when the execution has one connection only, as in a transaction), and the models by name
 * (whose row readers build an include's children where the plan allows it; empty when unknown).
 */
record ExecContext(@Nullable Sender sender, List<Value> args, @Nullable Sender aside,
    Map<String, ModelDef<?>> models) {

  ExecContext(@Nullable Sender sender, List<Value> args) {
    this(sender, args, null, Map.of());
  }

  ExecContext(@Nullable Sender sender, List<Value> args, @Nullable Sender aside) {
    this(sender, args, aside, Map.of());
  }

  /** The model of {@code name}, whose row reader may build an include's children; or null. */
  @Nullable ModelDef<?> model(@Nullable String name) {
    return name == null ? null : models.get(name);
  }

  /** {@link #sendAside}, the rows built by {@code reader} ({@link Sender#read}). */
  <T> Flux<T> readAside(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return aside != null ? aside.read(op, fields, reader) : sending().read(op, fields, reader);
  }

  /** {@link #readAside}'s records in one list ({@link Sender#readAll}). */
  <T> Mono<List<T>> readAllAside(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return aside != null ? aside.readAll(op, fields, reader)
        : sending().readAll(op, fields, reader);
  }

  /** This context with every operation on the execution's own connection. */
  ExecContext alone() {
    return new ExecContext(sender, args, null, models);
  }

  /** Whether operations can run beside one another, each on a connection of its own. */
  boolean concurrent() {
    return aside != null;
  }

  /**
   * Sends {@code op} on a connection of its own where there is a pool to take one from (so it
   * can run while the main connection streams), else on the execution's connection.
   */
  Flux<Value.Record> sendAside(Operation op) {
    return aside != null ? aside.send(op) : sending().send(op);
  }

  /** Sends {@code op}; rows stream through with backpressure, a count becomes one record. */
  Flux<Value.Record> send(Operation op) {
    return sending().send(op);
  }

  /** The single record that carries a count. */
  static Value.Record count(long n) {
    return Sender.count(n);
  }

  /** The sender, which every plan that sends has (only in-memory plans run without one). */
  private Sender sending() {
    return Objects.requireNonNull(sender, "a plan that sends has a sender");
  }
}
