package io.toasty.reactive.internal.route;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Tx;
import io.toasty.reactive.exec.Sender;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.value.Value;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * A {@code Db}'s raw statements: SQL and Cypher run where {@code Db.exec} would run a typed
 * statement (the bound transaction, else a pooled connection through the gate); PartiQL always
 * runs on a connection of its own, outside any transaction (see {@code Db.partiql}).
 */
public final class RawStatements {
  private final Router router;
  private final GatedDriver driver;

  public RawStatements(Router router, GatedDriver driver) {
    this.router = router;
    this.driver = driver;
  }

  /** Why the backend refuses raw SQL, or empty when it runs it. */
  public Optional<UnsupportedFeatureException> sqlRefusal() {
    return driver.capability().rawSql() ? Optional.empty()
        : Optional.of(noRawSql(driver.capability()));
  }

  /** {@code sql} in the transaction bound in the Context, else as {@code Db.exec} runs. */
  public Flux<Value.Record> execSql(Operation.RawSql sql) {
    Objects.requireNonNull(sql, "sql");
    if (!driver.capability().rawSql()) {
      return Flux.error(noRawSql(driver.capability()));
    }
    return Flux.deferContextual(context -> {
      Tx bound = router.boundIn(context);
      return bound != null ? bound.execRaw(sql)
          : router.orBound(context, c -> Joined.raw(router, c, sql), () -> alone(sql));
    });
  }

  /** Why the backend refuses Cypher, or empty when it runs it. */
  public Optional<UnsupportedFeatureException> cypherRefusal() {
    return RawRefusals.cypher(driver.capability());
  }

  /** {@code statement} in the transaction bound in the Context, else on a connection alone. */
  public Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    Objects.requireNonNull(statement, "statement");
    return cypherRefusal().<Flux<Value.Record>>map(Flux::error)
        .orElseGet(() -> Flux.deferContextual(context -> {
          Tx bound = router.boundIn(context);
          return bound != null ? bound.execCypher(statement)
              : router.orBound(context, c -> Joined.cypher(router, c, statement),
                  () -> alone(statement));
        }));
  }

  /** Why the backend refuses PartiQL, or empty when it runs it. */
  public Optional<UnsupportedFeatureException> partiqlRefusal() {
    return driver.capability().partiql() ? Optional.empty()
        : Optional.of(new UnsupportedFeatureException(Feature.PARTIQL,
            driver.capability().backend(), "PartiQL statements run on DynamoDB only; on an SQL"
            + " database write SQL with db.sql(..)"));
  }

  /** {@code statement} on a connection of its own, or its refusal as the signal. */
  public Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    Objects.requireNonNull(statement, "statement");
    return partiqlRefusal().<Flux<Value.Record>>map(Flux::error)
        .orElseGet(() -> alone(statement));
  }

  /** The refusal of raw SQL on a backend without SQL. */
  public static UnsupportedFeatureException noRawSql(Capability capability) {
    return new UnsupportedFeatureException(Feature.SQL, capability.backend(),
        "raw SQL statements run on SQL databases only");
  }

  /**
   * A raw (SQL, Cypher or PartiQL) statement on a connection of its own, leased through the gate
   * like any plan's, observed.
   */
  private Flux<Value.Record> alone(Operation statement) {
    return router.observedRaw(statement, false,
        driver.withConnection(c -> Sender.of(c).send(statement)));
  }
}
