package io.toasty.spring;

/** {@link ExceptionTranslationContract} on PostgreSQL. */
class ExceptionTranslationPostgresTest extends ExceptionTranslationContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
