package io.toasty.reactive;

import io.toasty.driver.Connection;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Finds a connection that an outer transaction manager bound to the subscriber's Reactor
 * {@code Context}, so that a {@link Db}'s statements run in that transaction rather than on a
 * pooled connection of their own. Spring's {@code R2dbcTransactionManager} is one such manager:
 * the Spring Boot starter plugs in a binding that finds its connection.
 *
 * <p>Contract: the connection's transaction belongs to the binding's owner. The {@code Db} never
 * sends BEGIN, COMMIT or ROLLBACK on it (a statement that must be atomic, and a
 * {@code db.transaction(..)} inside, use savepoints) and its {@code close()} must not close it;
 * the {@code Db} calls {@code close()} when its statement is done. Set with
 * {@link DbBuilder#connectionBinding(ConnectionBinding)}; {@link Db#begin()} ignores it.
 */
@FunctionalInterface
public interface ConnectionBinding {

  /**
   * The connection bound in {@code context}, or empty when there is none (the {@code Db} then
   * takes a pooled connection as usual). Errors are signals.
   */
  Mono<Connection> find(ContextView context);
}
