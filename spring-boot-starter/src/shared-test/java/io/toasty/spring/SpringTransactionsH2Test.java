package io.toasty.spring;

/** {@link SpringTransactionsContract} on H2. */
class SpringTransactionsH2Test extends SpringTransactionsContract {
  @Override
  public Backend backend() {
    return Backend.H2;
  }
}
