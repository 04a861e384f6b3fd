package io.toasty.reactive.exec;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.Value;
import reactor.core.publisher.Flux;

/**
 * Sends an operation and streams what comes back: rows with backpressure, or a count as one
 * record. The whole exchange is one {@code Flux}, so that whoever holds the connection for it
 * knows when it is over (complete, error or cancel).
 */
@FunctionalInterface
public interface Sender {

  /** The rows of {@code op}, or the single record that carries its count. */
  Flux<Value.Record> send(Operation op);

  /**
   * Sends on {@code connection} directly. An atomic request's answer ({@code ExecResponse.Each}
   * of counts) becomes one count record per operation, in order.
   */
  static Sender of(Connection connection) {
    return op -> connection.exec(op).flatMapMany(response -> {
      if (response instanceof ExecResponse.Rows r) {
        return r.rows();
      }
      if (response instanceof ExecResponse.Each each) {
        return Flux.fromIterable(each.responses()).map(Sender::countOf);
      }
      return Flux.just(countOf(response));
    });
  }

  private static Value.Record countOf(ExecResponse response) {
    if (response instanceof ExecResponse.Count c) {
      return count(c.count());
    }
    throw new IllegalStateException("expected a count, the driver answered " + response);
  }

  /** The single record that carries a count. */
  static Value.Record count(long n) {
    return Value.Record.of(new Value.I64(n));
  }
}
