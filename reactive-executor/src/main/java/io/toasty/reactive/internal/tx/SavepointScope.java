package io.toasty.reactive.internal.tx;

import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.reactive.internal.tx.TxSession;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a body under a savepoint of its transaction: one {@code usingWhen} whose body sets the
 * savepoint and runs, and whose cleanups release it (completion) or roll back to it (error,
 * cancel). Used for nested transactions and for plans that write several times inside a
 * transaction, so that a failure undoes their writes alone.
 */
public final class SavepointScope {
  private SavepointScope() {}

  /** {@code body}'s items; {@code onEnd} runs first in every cleanup. */
  public static <T> Flux<T> run(TxSession session, Supplier<? extends Publisher<T>> body,
      Runnable onEnd) {
    return Flux.defer(() -> {
      String name = session.nextSavepoint();
      AtomicBoolean set = new AtomicBoolean();
      return Flux.usingWhen(Mono.just(name),
              n -> session.connection.exec(TxSession.op(Kind.SAVEPOINT, n))
                  .doOnSubscribe(s -> set.set(true))
                  .thenMany(Flux.defer(body)),
              n -> {
                onEnd.run();
                return session.connection.exec(TxSession.op(Kind.RELEASE_SAVEPOINT, n)).then()
                    .onErrorMap(TxSession.EndFailure::new);
              },
              (n, error) -> {
                onEnd.run();
                return !set.get() ? Mono.empty()
                    : session.connection.exec(TxSession.op(Kind.ROLLBACK_TO_SAVEPOINT, n)).then()
                        .onErrorResume(e -> {
                          error.addSuppressed(e);
                          return Mono.empty();
                        });
              },
              n -> {
                onEnd.run();
                if (!set.get() || session.ending()) {
                  return Mono.empty(); // the transaction's own rollback undoes it
                }
                return session.connection.exec(TxSession.op(Kind.ROLLBACK_TO_SAVEPOINT, n)).then()
                    .onErrorResume(e -> {
                      if (!session.ending()) { // else refused: the transaction's rollback covers it
                        session.cleanupFailed("ROLLBACK TO SAVEPOINT " + n, e);
                      }
                      return Mono.empty();
                    });
              })
          .onErrorMap(TxSession.EndFailure::unwrap);
    });
  }
}
