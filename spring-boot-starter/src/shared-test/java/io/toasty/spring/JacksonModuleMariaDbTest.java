package io.toasty.spring;

/** {@link JacksonModuleContract} on MariaDB. */
class JacksonModuleMariaDbTest extends JacksonModuleContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
