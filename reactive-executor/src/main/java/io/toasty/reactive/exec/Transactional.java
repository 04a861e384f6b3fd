package io.toasty.reactive.exec;

import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a body inside one transaction on one connection: one {@code usingWhen} whose resource is
 * the connection with the transaction begun, and whose cleanups are each one sequential publisher
 * (commit then close; rollback then close), so the connection never returns to the pool while a
 * rollback is still in flight.
 *
 * <p>The body's rows are handed on only once the commit has succeeded, so nobody sees a record
 * that is then rolled back. Plans that need a transaction are writes, whose results are bounded
 * by the statement (the rows it inserted or updated).
 */
public final class Transactional {
  private static final Logger LOG = LoggerFactory.getLogger(Transactional.class);

  private Transactional() {}

  /** The body's rows, committed on completion, rolled back on error or cancel. */
  public static Flux<Value.Record> run(Driver driver,
      Function<Connection, Flux<Value.Record>> body) {
    return Flux.usingWhen(begin(driver), conn -> body.apply(conn).collectList(),
        conn -> finish(conn, Operation.Transaction.Kind.COMMIT),
        (conn, error) -> finish(conn, Operation.Transaction.Kind.ROLLBACK),
        conn -> finish(conn, Operation.Transaction.Kind.ROLLBACK)
            .doOnError(e -> LOG.warn("rollback after cancel failed", e)))
        .flatMapIterable(rows -> rows);
  }

  private static Mono<Connection> begin(Driver driver) {
    return driver.connect().flatMap(conn -> conn.exec(op(Operation.Transaction.Kind.BEGIN))
        .thenReturn(conn)
        .onErrorResume(e -> conn.close().then(Mono.error(e))));
  }

  private static Mono<Void> finish(Connection conn, Operation.Transaction.Kind kind) {
    return conn.exec(op(kind)).then()
        .onErrorResume(e -> conn.close().then(Mono.error(e)))
        .then(Mono.defer(conn::close));
  }

  private static Operation op(Operation.Transaction.Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }
}
