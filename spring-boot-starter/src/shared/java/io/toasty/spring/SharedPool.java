package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.r2dbc.FactoryDriver;
import io.toasty.reactive.Db;
import org.jspecify.annotations.Nullable;
import org.springframework.core.InfrastructureProxy;

/**
 * Whether a {@code Db} and a Spring transaction manager take their connections from one pool:
 * the {@code Db} runs on the application's {@code ConnectionFactory} ({@link FactoryDriver}) and
 * the manager's factory is that one, or the {@link QueuedConnectionFactory} over it.
 */
final class SharedPool {
  private SharedPool() {}

  /** Whether {@code db} takes its connections from {@code factory}. */
  static boolean between(@Nullable Db db, ConnectionFactory factory) {
    Object target = factory instanceof InfrastructureProxy proxy ? proxy.getWrappedObject()
        : factory;
    return db != null && db.schema().driver(FactoryDriver.class)
        .map(driver -> driver.connectionFactory() == target).orElse(false);
  }
}
