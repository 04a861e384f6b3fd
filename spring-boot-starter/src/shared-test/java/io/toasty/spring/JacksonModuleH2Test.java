package io.toasty.spring;

/** {@link JacksonModuleContract} on H2. */
class JacksonModuleH2Test extends JacksonModuleContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
