package io.toasty.spring;

/** {@link MigrateOnStartupContract} on H2. */
class MigrateOnStartupH2Test extends MigrateOnStartupContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
