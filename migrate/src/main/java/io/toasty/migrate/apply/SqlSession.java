package io.toasty.migrate.apply;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL text on the one connection a migration run holds: statements, rows, transactions. */
final class SqlSession {
  private final Connection connection;

  SqlSession(Connection connection) {
    this.connection = connection;
  }

  /** Runs {@code sql} (pieces around bound {@code args}, as {@link Operation.RawSql}). */
  Mono<Long> update(List<String> sql, List<Value> args) {
    return connection.exec(new Operation.RawSql(sql, args, false, List.of()))
        .flatMap(r -> r instanceof ExecResponse.Count c ? Mono.just(c.count())
            : r instanceof ExecResponse.Rows rows ? rows.rows().then(Mono.just(0L))
            : Mono.just(0L));
  }

  /** Runs {@code sql} without values. */
  Mono<Long> update(String sql) {
    return update(List.of(sql), List.of());
  }

  /** The rows of {@code sql}, each a record of its values decoded as {@code types}. */
  Flux<Value.Record> query(String sql, List<Type> types) {
    return connection.exec(new Operation.RawSql(List.of(sql), List.of(), true, types))
        .flatMapMany(r -> r instanceof ExecResponse.Rows rows ? rows.rows() : Flux.empty())
        .map(row -> (Value.Record) row.fields().get(1));
  }

  Mono<Void> begin() {
    return transaction(Operation.Transaction.Kind.BEGIN);
  }

  Mono<Void> commit() {
    return transaction(Operation.Transaction.Kind.COMMIT);
  }

  Mono<Void> rollback() {
    return transaction(Operation.Transaction.Kind.ROLLBACK);
  }

  private Mono<Void> transaction(Operation.Transaction.Kind kind) {
    return connection.exec(new Operation.Transaction(kind, null, false, null)).then();
  }
}
