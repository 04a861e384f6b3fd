package io.toasty.spring;

/** {@link SpringTransactionsContract} on Postgres. */
class SpringTransactionsPostgresTest extends SpringTransactionsContract
    implements IsolationTests, ReadOnlyTests {
  @Override
  public Backend backend() {
    return Backend.POSTGRESQL;
  }
}
