package io.toasty.spring;

/** {@link AutoConfigurationContract} on MariaDB. */
class AutoConfigurationMariaDbTest extends AutoConfigurationContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
