package io.toasty.spring;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionExecutionListener;
import reactor.core.publisher.Mono;

/**
 * A {@code ReactiveTransactionManager} whose transactions never outlive a subscriber that left
 * while they began: once the connection is handed over, the begin runs to its end and the
 * transaction is rolled back, its connection back in the pool ({@link ShieldedBegin}). Spring's
 * own managers leave such a transaction to nobody, its connection out of the pool for good and,
 * on PostgreSQL, idle in a transaction (spring-framework#32115, #35774).
 *
 * <p>The starters make Boot's default manager one, around an {@code R2dbcTransactionManager}
 * on the application's {@code ConnectionFactory}. An application that declares its own manager
 * wraps it the same way:
 *
 * <pre>{@code
 * @Bean
 * ReactiveTransactionManager transactionManager(ConnectionFactory factory) {
 *   return new CancelSafeTransactionManager(new R2dbcTransactionManager(factory));
 * }
 * }</pre>
 *
 * <p>Commit and rollback are the wrapped manager's; only the begin changes. See docs/spring.md,
 * "A client that leaves while its transaction begins".
 */
public final class CancelSafeTransactionManager implements ReactiveTransactionManager,
    ConfigurableTransactionManager {
  private final ReactiveTransactionManager manager;

  /** @param manager the manager whose transactions these are */
  public CancelSafeTransactionManager(ReactiveTransactionManager manager) {
    this.manager = manager;
  }

  /** The wrapped manager. */
  public ReactiveTransactionManager manager() {
    return manager;
  }

  @Override
  public Mono<ReactiveTransaction> getReactiveTransaction(
      @Nullable TransactionDefinition definition)
      throws TransactionException {
    return new ShieldedBegin(Mono.defer(() -> manager.getReactiveTransaction(definition)),
        manager::rollback);
  }

  @Override
  public Mono<Void> commit(ReactiveTransaction transaction) throws TransactionException {
    return manager.commit(transaction);
  }

  @Override
  public Mono<Void> rollback(ReactiveTransaction transaction) throws TransactionException {
    return manager.rollback(transaction);
  }

  @Override
  public void setTransactionExecutionListeners(
      Collection<TransactionExecutionListener> listeners) {
    if (manager instanceof ConfigurableTransactionManager configurable) {
      configurable.setTransactionExecutionListeners(listeners);
    }
  }

  @Override
  public Collection<TransactionExecutionListener> getTransactionExecutionListeners() {
    return manager instanceof ConfigurableTransactionManager configurable
        ? configurable.getTransactionExecutionListeners() : List.of();
  }

  @Override
  public String toString() {
    return "CancelSafeTransactionManager[" + manager + "]";
  }
}
