package io.toasty.r2dbc;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import reactor.core.publisher.Mono;

/**
 * A Toasty connection on an R2DBC connection someone else owns, with its transaction (made by
 * {@link FactoryDriver#adopt}): operations and savepoints pass through, one at a time;
 * {@code close()} does nothing; BEGIN, COMMIT and ROLLBACK are refused, as the owner ends the
 * transaction. Before it does, the owner waits for {@link #seal()}, so that a write whose
 * subscriber was cancelled (it still runs to its end), or one that a cancel has not reached
 * yet, cannot reach the database after the owner's ROLLBACK, where it would commit on its own.
 */
public final class AdoptedConnection implements Connection {
  private final io.r2dbc.spi.Connection owned;
  private final R2dbcConnection inner;

  AdoptedConnection(io.r2dbc.spi.Connection owned, R2dbcConnection inner) {
    this.owned = owned;
    this.inner = inner;
  }

  /** The owner's R2DBC connection this runs on. */
  public io.r2dbc.spi.Connection owned() {
    return owned;
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    if (operation instanceof Operation.Transaction t && switch (t.kind()) {
      case BEGIN, COMMIT, ROLLBACK -> true;
      default -> false;
    }) {
      return Mono.error(new DriverException(inner.dialect().backend(), null, t.kind()
          + " on a connection whose transaction belongs to its owner (Spring's transaction "
          + "manager): the engine uses savepoints there", null));
    }
    return inner.exec(operation);
  }

  /**
   * Refuses every operation not yet started, and completes once the started ones have run to
   * their end: call it before ending the transaction.
   */
  public Mono<Void> seal() {
    return inner.seal();
  }

  /**
   * Leaves the connection to its owner: only sets its statement timeout back if one of our
   * statements changed it ({@code db.timeout(..)}, a transaction's deadline).
   */
  @Override
  public Mono<Void> close() {
    return inner.restoreTimeout().onErrorResume(e -> Mono.empty());
  }
}
