package io.toasty.example.techempower;

/** TechEmpower's checks on Toasty over R2DBC (the Spring Boot starter's Db). */
class ToastyR2dbcVerifierTest extends VerifierContract {
  @Override
  String prefix() {
    return Implementations.TOASTY_R2DBC;
  }

  @Override
  int updatesOfTwenty() {
    return 1;
  }
}
