package io.toasty.spring;

/** {@link SpringTransactionsContract} on MariaDb. */
class SpringTransactionsMariaDbTest extends SpringTransactionsContract
    implements ReadOnlyTests {
  @Override
  public Backend backend() {
    return Backend.MARIADB;
  }
}
