package io.toasty.spring;

/** {@link ObservabilityContract} on MariaDB. */
class ObservabilityMariaDbTest extends ObservabilityContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
