package io.toasty.spring;

/** {@link RepositoryBeanContract} on PostgreSQL. */
class RepositoryBeanPostgresTest extends RepositoryBeanContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
