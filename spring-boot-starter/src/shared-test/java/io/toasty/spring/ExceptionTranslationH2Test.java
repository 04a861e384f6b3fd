package io.toasty.spring;

/** {@link ExceptionTranslationContract} on H2. */
class ExceptionTranslationH2Test extends ExceptionTranslationContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
