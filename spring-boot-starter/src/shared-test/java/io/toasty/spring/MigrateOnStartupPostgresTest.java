package io.toasty.spring;

/** {@link MigrateOnStartupContract} on Postgres. */
class MigrateOnStartupPostgresTest extends MigrateOnStartupContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
