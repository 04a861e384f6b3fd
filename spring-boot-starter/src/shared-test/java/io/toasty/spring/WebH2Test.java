package io.toasty.spring;

/** {@link WebContract} on H2. */
class WebH2Test extends WebContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
