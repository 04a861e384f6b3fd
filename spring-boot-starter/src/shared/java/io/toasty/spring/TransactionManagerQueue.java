package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;

/**
 * Puts the connections of Spring's {@code R2dbcTransactionManager} in the {@code Db}'s
 * first-come queue: a manager on the application's {@code ConnectionFactory} (Spring Boot's, or
 * one the application declares on that factory) takes them through a
 * {@link QueuedConnectionFactory}, and its transactions are counted
 * ({@link SpringTransactionStats}); so does one inside a {@link CancelSafeTransactionManager}.
 * Set before the manager's initialization, which checks that it
 * has a factory.
 */
final class TransactionManagerQueue implements BeanPostProcessor {
  private final ObjectProvider<ConnectionFactory> factories;
  private final ObjectProvider<Db> dbs;
  private final ObjectProvider<SpringTransactionStats> stats;

  TransactionManagerQueue(ObjectProvider<ConnectionFactory> factories, ObjectProvider<Db> dbs,
      ObjectProvider<SpringTransactionStats> stats) {
    this.factories = factories;
    this.dbs = dbs;
    this.stats = stats;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    Object unwrapped = bean instanceof CancelSafeTransactionManager safe ? safe.manager() : bean;
    if (unwrapped instanceof R2dbcTransactionManager manager) {
      ConnectionFactory factory = manager.getConnectionFactory();
      if (factory != null && !(factory instanceof QueuedConnectionFactory)
          && factory == factories.getIfUnique()) {
        manager.setConnectionFactory(new QueuedConnectionFactory(factory, dbs::getIfUnique));
        stats.ifAvailable(s -> manager.addListener(s.listener()));
      }
    }
    return bean;
  }
}
