package io.toasty.reactive;

import io.toasty.driver.Connection;
import io.toasty.driver.Operation;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Statements and nested transactions on a connection found by a {@link ConnectionBinding}: a
 * {@link TxSession} that joins the owner's transaction (no BEGIN, COMMIT or ROLLBACK of its own)
 * for the length of one {@code exec} or {@code transaction(..)}.
 */
final class Joined {
  private Joined() {}

  static Flux<Value> exec(Db db, Connection connection, TxCounters counters,
      StatementNode statement) {
    return within(db, connection, counters, tx -> tx.exec(statement));
  }

  static <T> Flux<T> transaction(Db db, Connection connection, TxCounters counters,
      TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    return within(db, connection, counters, tx -> tx.join(options, work));
  }

  static Flux<Value.Record> raw(Db db, Connection connection, TxCounters counters,
      Operation.RawSql sql) {
    return within(db, connection, counters, tx -> tx.execRaw(sql));
  }

  static Flux<Value.Record> cypher(Db db, Connection connection, TxCounters counters,
      Operation.RawCypher statement) {
    return within(db, connection, counters, tx -> tx.execCypher(statement));
  }

  private static <T> Flux<T> within(Db db, Connection connection, TxCounters counters,
      Function<Tx, Flux<T>> body) {
    return Flux.usingWhen(
        Mono.fromSupplier(
            () -> new TxSession(db, connection, TxOptions.defaults(), counters, true)),
        session -> {
          Tx tx = Tx.top(session, false);
          // the owner commits: the required has-ones are checked as Toasty's work ends
          return body.apply(tx).concatWith(session.checkRequiredOnes().then(
              Mono.<T>empty()))
              .contextWrite(c -> c.put(Tx.CONTEXT_KEY, tx));
        },
        session -> session.end(TxSession.End.COMMIT, null),
        (session, error) -> session.end(TxSession.End.ROLLBACK, error),
        session -> session.end(TxSession.End.CANCEL, null));
  }
}
