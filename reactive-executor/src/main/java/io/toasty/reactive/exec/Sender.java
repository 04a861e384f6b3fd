package io.toasty.reactive.exec;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import io.toasty.value.ValueColumns;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
   * The rows of query {@code op}, each built by {@code reader} with its field {@code i} the row's
   * column {@code fields[i]} ({@link Connection#read}); this default reads the rows {@link #send}
   * returns.
   */
  default <T> Flux<T> read(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return send(op).map(row -> reader.read(new ValueColumns(row, fields)));
  }

  /**
   * {@link #read}'s records in one list ({@link Connection#readAll}), for a caller that holds
   * them all; this default collects {@link #read}'s.
   */
  default <T> Mono<List<T>> readAll(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return read(op, fields, reader).collectList();
  }

  /**
   * Sends on {@code connection} directly. An atomic request's answer ({@code ExecResponse.Each}
   * of counts) becomes one count record per operation, in order.
   */
  static Sender of(Connection connection) {
    return new Sender() {
      @Override
      public Flux<Value.Record> send(Operation op) {
        return connection.exec(op).flatMapMany(response -> {
          if (response instanceof ExecResponse.Rows r) {
            return r.rows();
          }
          if (response instanceof ExecResponse.Each each) {
            return Flux.fromIterable(each.responses()).map(Sender::countOf);
          }
          return Flux.just(countOf(response));
        });
      }

      @Override
      public <T> Flux<T> read(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
        return connection.read(op, fields, reader);
      }

      @Override
      public <T> Mono<List<T>> readAll(Operation.QuerySql op, int[] fields,
          RowReader<T> reader) {
        return connection.readAll(op, fields, reader);
      }
    };
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
