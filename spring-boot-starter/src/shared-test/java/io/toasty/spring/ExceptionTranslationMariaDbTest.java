package io.toasty.spring;

/** {@link ExceptionTranslationContract} on MariaDB. */
class ExceptionTranslationMariaDbTest extends ExceptionTranslationContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
