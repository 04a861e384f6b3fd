package io.toasty.example.techempower;

/** TechEmpower's checks on Spring Data R2DBC's R2dbcEntityTemplate. */
class SpringDataVerifierTest extends VerifierContract {
  @Override
  String prefix() {
    return Implementations.SPRING_DATA;
  }

  @Override
  int updatesOfTwenty() {
    return 20;
  }
}
