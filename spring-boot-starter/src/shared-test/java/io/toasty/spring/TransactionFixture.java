package io.toasty.spring;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/** What the per-database test mix-ins need from {@link SpringTransactionsContract}. */
interface TransactionFixture {
  Backend backend();

  TestApp.Writers writers();

  ReactiveTransactionManager transactions();

  DatabaseClient sql();

  String email();

  long count(String email);
}
