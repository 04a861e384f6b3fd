package io.toasty.spring;

/** {@link TransactionQueueContract} on H2. */
class TransactionQueueH2Test extends TransactionQueueContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
