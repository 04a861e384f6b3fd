package io.toasty.spring;

/** {@link RepositoryBeanContract} on H2. */
class RepositoryBeanH2Test extends RepositoryBeanContract {
  @Override
  Backend backend() {
    return Backend.H2;
  }
}
