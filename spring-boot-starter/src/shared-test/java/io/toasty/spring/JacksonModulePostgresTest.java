package io.toasty.spring;

/** {@link JacksonModuleContract} on PostgreSQL. */
class JacksonModulePostgresTest extends JacksonModuleContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
