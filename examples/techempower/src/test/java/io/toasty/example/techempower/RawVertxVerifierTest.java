package io.toasty.example.techempower;

/** TechEmpower's checks on vertx-pg-client by hand on its Pool. */
class RawVertxVerifierTest extends VerifierContract {
  @Override
  String prefix() {
    return Implementations.RAW_VERTX;
  }

  @Override
  int updatesOfTwenty() {
    return 1;
  }
}
