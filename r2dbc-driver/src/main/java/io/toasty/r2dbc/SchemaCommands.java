package io.toasty.r2dbc;

import io.toasty.r2dbc.ddl.SchemaDdl;
import io.toasty.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Schema push and reset on one connection, returned on every path: both SQL drivers' DDL. */
final class SchemaCommands {
  private SchemaCommands() {}

  /** Creates the tables and indexes that do not exist yet. */
  static Mono<Void> push(Mono<R2dbcConnection> acquire, Schema schema) {
    return on(acquire, c -> c.executeDdl(new SchemaDdl(c.dialect(), schema).create()));
  }

  /** Drops the tables and creates them again, empty. */
  static Mono<Void> reset(Mono<R2dbcConnection> acquire, Schema schema) {
    return on(acquire, c -> {
      SchemaDdl ddl = new SchemaDdl(c.dialect(), schema);
      List<String> statements = new ArrayList<>(ddl.drop());
      statements.addAll(ddl.create());
      return c.executeDdl(statements);
    });
  }

  private static Mono<Void> on(Mono<R2dbcConnection> acquire,
      Function<R2dbcConnection, Mono<Void>> work) {
    return Mono.usingWhen(acquire, c -> Mono.defer(() -> work.apply(c)), R2dbcConnection::close,
        (c, e) -> c.close(), R2dbcConnection::close);
  }
}
