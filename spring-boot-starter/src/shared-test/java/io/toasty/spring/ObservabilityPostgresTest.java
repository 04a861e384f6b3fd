package io.toasty.spring;

/** {@link ObservabilityContract} on PostgreSQL. */
class ObservabilityPostgresTest extends ObservabilityContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
