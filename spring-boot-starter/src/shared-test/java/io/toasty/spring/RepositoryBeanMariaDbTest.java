package io.toasty.spring;

/** {@link RepositoryBeanContract} on MariaDB. */
class RepositoryBeanMariaDbTest extends RepositoryBeanContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
