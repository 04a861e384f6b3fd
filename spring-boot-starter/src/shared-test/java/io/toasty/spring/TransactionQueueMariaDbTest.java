package io.toasty.spring;

/** {@link TransactionQueueContract} on MariaDb. */
class TransactionQueueMariaDbTest extends TransactionQueueContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
