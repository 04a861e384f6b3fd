package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * What every action of one execution shares: where operations go (null for plans with no
 * operation), the arguments, and where operations go that must run while another operation's
 * rows are still streaming ({@code aside}: a pooled connection of their own per operation; null
 * when the execution has one connection only, as in a transaction).
 */
record ExecContext(Sender sender, List<Value> args, Sender aside) {

  ExecContext(Sender sender, List<Value> args) {
    this(sender, args, null);
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
    return aside != null ? aside.send(op) : sender.send(op);
  }

  /** Sends {@code op}; rows stream through with backpressure, a count becomes one record. */
  Flux<Value.Record> send(Operation op) {
    return sender.send(op);
  }

  /** The single record that carries a count. */
  static Value.Record count(long n) {
    return Sender.count(n);
  }
}
