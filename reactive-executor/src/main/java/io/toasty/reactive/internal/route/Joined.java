package io.toasty.reactive.internal.route;

import io.toasty.driver.Connection;
import io.toasty.driver.Operation;
import io.toasty.reactive.ConnectionBinding;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.stmt.PathNode;
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
public final class Joined {
  private Joined() {}

  public static Flux<Value> exec(Router router, Connection connection,
      StatementNode statement) {
    return within(router, connection, tx -> tx.exec(statement));
  }

  public static <T> Flux<T> transaction(Router router, Connection connection,
      TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    return within(router, connection, tx -> router.join(tx, options, work));
  }

  public static Flux<Value.Record> raw(Router router, Connection connection,
      Operation.RawSql sql) {
    return within(router, connection, tx -> tx.execRaw(sql));
  }

  public static Flux<Value.Record> cypher(Router router, Connection connection,
      Operation.RawCypher statement) {
    return within(router, connection, tx -> tx.execCypher(statement));
  }

  public static Flux<Value.Record> path(Router router, Connection connection, PathNode path) {
    return within(router, connection, tx -> tx.execPath(path));
  }

  private static <T> Flux<T> within(Router router, Connection connection,
      Function<Tx, Flux<T>> body) {
    return Flux.usingWhen(
        Mono.fromSupplier(
            () -> new TxSession(router, connection, TxOptions.defaults(), router.counters(), true)),
        session -> {
          Tx tx = router.top(session, false);
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
