package io.toasty.reactive;

import io.toasty.Feature;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.value.Value;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * A {@link Db}'s raw statements: SQL runs where {@link Db#exec} would run a typed statement (the
 * bound transaction, else a pooled connection through the gate); PartiQL always runs on a
 * connection of its own, outside any transaction (see {@link Db#partiql}).
 */
final class RawStatements {
  private final Db db;
  private final GatedDriver driver;
  private final TxCounters counters;

  RawStatements(Db db, GatedDriver driver, TxCounters counters) {
    this.db = db;
    this.driver = driver;
    this.counters = counters;
  }

  /** Why the backend refuses raw SQL, or empty when it runs it. */
  Optional<UnsupportedFeatureException> sqlRefusal() {
    return driver.capability().rawSql() ? Optional.empty()
        : Optional.of(Tx.noRawSql(driver.capability()));
  }

  /** {@code sql} in the transaction bound in the Context, else as {@link Db#exec} runs. */
  Flux<Value.Record> execSql(Operation.RawSql sql) {
    Objects.requireNonNull(sql, "sql");
    if (!driver.capability().rawSql()) {
      return Flux.error(Tx.noRawSql(driver.capability()));
    }
    return Flux.deferContextual(context -> {
      Tx bound = Tx.boundIn(context, db);
      return bound != null ? bound.execRaw(sql)
          : db.orBound(context, c -> Joined.raw(db, c, counters, sql), () -> alone(sql));
    });
  }

  /** Why the backend refuses PartiQL, or empty when it runs it. */
  Optional<UnsupportedFeatureException> partiqlRefusal() {
    return driver.capability().partiql() ? Optional.empty()
        : Optional.of(new UnsupportedFeatureException(Feature.PARTIQL,
            driver.capability().backend(), "PartiQL statements run on DynamoDB only; on an SQL"
            + " database write SQL with db.sql(..)"));
  }

  /** {@code statement} on a connection of its own, or its refusal as the signal. */
  Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    Objects.requireNonNull(statement, "statement");
    return partiqlRefusal().<Flux<Value.Record>>map(Flux::error)
        .orElseGet(() -> alone(statement));
  }

  /**
   * A raw (SQL or PartiQL) statement on a connection of its own, leased through the gate like
   * any plan's.
   */
  private Flux<Value.Record> alone(Operation statement) {
    return driver.withConnection(c -> Sender.of(c).send(statement));
  }
}
