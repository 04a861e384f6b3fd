package io.toasty.spring;

/** {@link WebContract} on PostgreSQL. */
class WebPostgresTest extends WebContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
