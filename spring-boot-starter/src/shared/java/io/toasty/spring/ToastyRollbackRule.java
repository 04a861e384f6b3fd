package io.toasty.spring;

import io.toasty.reactive.Db;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Makes {@code @Transactional} methods whose transactions run on the {@code Db}'s pool roll back
 * on every exception ({@code toasty.transaction.rollback-on=all-exceptions}, the default): once
 * every singleton exists, each {@code TransactionInterceptor} gets its attribute source wrapped
 * in {@link RollbackOnAnyException}. Done then, not while the interceptor is made: Spring makes
 * it with the first advised bean, before most post-processors exist. A transactional method
 * called while the context starts keeps Spring's rule.
 */
final class ToastyRollbackRule implements SmartInitializingSingleton {
  private final ListableBeanFactory beans;
  private final ObjectProvider<Db> dbs;

  ToastyRollbackRule(ListableBeanFactory beans, ObjectProvider<Db> dbs) {
    this.beans = beans;
    this.dbs = dbs;
  }

  @Override
  public void afterSingletonsInstantiated() {
    beans.getBeanProvider(TransactionInterceptor.class).forEach(interceptor -> {
      TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
      if (source != null && !(source instanceof RollbackOnAnyException)) {
        TransactionManagerLookup managers = new TransactionManagerLookup(beans, interceptor);
        interceptor.setTransactionAttributeSource(new RollbackOnAnyException(source,
            (attribute, targetClass) -> isToastys(managers.managerOf(attribute, targetClass))));
      }
    });
  }

  /** Whether {@code manager} runs transactions on the connections of the {@code Db}'s pool. */
  private boolean isToastys(@Nullable TransactionManager manager) {
    TransactionManager unwrapped = manager instanceof CancelSafeTransactionManager safe
        ? safe.manager() : manager;
    return unwrapped instanceof R2dbcTransactionManager r2dbc
        && r2dbc.getConnectionFactory() != null
        && SharedPool.between(dbs.getIfUnique(), r2dbc.getConnectionFactory());
  }
}
