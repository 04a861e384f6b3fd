package io.toasty.spring;

/** {@link ToastyHealthIndicatorContract} on PostgreSQL. */
class ToastyHealthIndicatorPostgresTest extends ToastyHealthIndicatorContract {
  @Override
  Backend backend() {
    return Backend.POSTGRESQL;
  }
}
