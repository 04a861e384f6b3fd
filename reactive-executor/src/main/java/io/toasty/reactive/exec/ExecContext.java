package io.toasty.reactive.exec;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * What every action of one execution shares: the connection (null for plans with no operation)
 * and the arguments.
 */
record ExecContext(Connection connection, List<Value> args) {

  /** Sends {@code op}; rows stream through with backpressure, a count becomes one record. */
  Flux<Value.Record> send(Operation op) {
    return connection.exec(op).flatMapMany(response -> response instanceof ExecResponse.Rows r
        ? r.rows() : Flux.just(count(((ExecResponse.Count) response).count())));
  }

  /** The single record that carries a count. */
  static Value.Record count(long n) {
    return Value.Record.of(new Value.I64(n));
  }
}
