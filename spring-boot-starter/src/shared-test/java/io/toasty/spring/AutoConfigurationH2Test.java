package io.toasty.spring;

/** {@link AutoConfigurationContract} on H2. */
class AutoConfigurationH2Test extends AutoConfigurationContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
