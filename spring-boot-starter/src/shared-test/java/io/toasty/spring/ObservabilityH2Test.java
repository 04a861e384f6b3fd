package io.toasty.spring;

/** {@link ObservabilityContract} on H2. */
class ObservabilityH2Test extends ObservabilityContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
