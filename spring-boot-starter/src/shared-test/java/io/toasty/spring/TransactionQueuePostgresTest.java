package io.toasty.spring;

/** {@link TransactionQueueContract} on Postgres. */
class TransactionQueuePostgresTest extends TransactionQueueContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
