package io.toasty.spring;

/** {@link ToastyHealthIndicatorContract} on H2. */
class ToastyHealthIndicatorH2Test extends ToastyHealthIndicatorContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
