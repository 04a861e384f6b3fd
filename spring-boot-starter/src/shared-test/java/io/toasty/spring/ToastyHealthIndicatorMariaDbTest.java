package io.toasty.spring;

/** {@link ToastyHealthIndicatorContract} on MariaDB. */
class ToastyHealthIndicatorMariaDbTest extends ToastyHealthIndicatorContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
