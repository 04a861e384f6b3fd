package io.toasty.spring;

/** {@link AutoConfigurationContract} on PostgreSQL. */
class AutoConfigurationPostgresTest extends AutoConfigurationContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
