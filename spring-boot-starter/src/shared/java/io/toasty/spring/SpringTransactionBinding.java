package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.driver.Connection;
import io.toasty.r2dbc.AdoptedConnection;
import io.toasty.reactive.ConnectionBinding;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Finds the R2DBC connection that Spring's {@code R2dbcTransactionManager} bound, for
 * {@code factory}, to the transaction in the subscriber's Context ({@code @Transactional},
 * {@code TransactionalOperator}), so that Toasty's statements run on it, in the same transaction
 * as {@code DatabaseClient}'s. Outside a Spring transaction, and where one is suspended
 * ({@code NOT_SUPPORTED}, the outer one of {@code REQUIRES_NEW}), it finds nothing and the
 * {@code Db} takes a pooled connection.
 *
 * <p>One {@link AdoptedConnection} serves a transaction's statements (bound as a transaction
 * resource under the {@code ConnectionHolder}), and a transaction synchronization makes Spring's
 * COMMIT or ROLLBACK wait until it is idle: a cancel rolls the transaction back while a write
 * of Toasty's may still be on its way, and that write must reach the database before the
 * ROLLBACK, not after it (where it would commit on its own).
 */
final class SpringTransactionBinding implements ConnectionBinding {
  private final ConnectionFactory factory;
  private final Function<io.r2dbc.spi.Connection, AdoptedConnection> adopt;

  /**
   * @param factory the connection factory the transaction manager binds connections for
   * @param adopt   wraps a bound connection as a Toasty connection that never closes it
   */
  SpringTransactionBinding(ConnectionFactory factory,
      Function<io.r2dbc.spi.Connection, AdoptedConnection> adopt) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.adopt = Objects.requireNonNull(adopt, "adopt");
  }

  @Override
  public Mono<Connection> find(ContextView context) {
    // forCurrentTransaction reads the subscriber's Context, which is `context` here
    return TransactionSynchronizationManager.forCurrentTransaction()
        .flatMap(sync -> Mono.justOrEmpty(sync.getResource(factory))
            .ofType(ConnectionHolder.class)
            .filter(SpringTransactionBinding::holdsConnection)
            .map(holder -> adopted(sync, holder)))
        .onErrorResume(NoTransactionException.class, e -> Mono.empty());
  }

  /** The transaction's adopted connection, made and registered on its first statement. */
  private Connection adopted(TransactionSynchronizationManager sync, ConnectionHolder holder) {
    if (sync.getResource(holder) instanceof AdoptedConnection known
        && known.owned() == holder.getConnection()) {
      return known;
    }
    AdoptedConnection adopted = adopt.apply(holder.getConnection());
    if (sync.isSynchronizationActive()) {
      sync.bindResource(holder, adopted);
      sync.registerSynchronization(new WaitForToasty(sync, holder, adopted));
    }
    return adopted;
  }

  /** A holder whose connection was released refuses {@code getConnection()}. */
  private static boolean holdsConnection(ConnectionHolder holder) {
    try {
      return holder.getConnection() != null;
    } catch (IllegalStateException released) {
      return false;
    }
  }

  /** Holds Spring's COMMIT or ROLLBACK until Toasty's operations on the connection are over. */
  private record WaitForToasty(TransactionSynchronizationManager sync, ConnectionHolder holder,
      AdoptedConnection adopted) implements TransactionSynchronization {
    @Override
    public Mono<Void> beforeCompletion() {
      return adopted.seal();
    }

    @Override
    public Mono<Void> afterCompletion(int status) {
      return Mono.fromRunnable(() -> sync.unbindResourceIfPossible(holder));
    }
  }
}
