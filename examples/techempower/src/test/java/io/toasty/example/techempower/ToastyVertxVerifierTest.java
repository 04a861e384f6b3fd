package io.toasty.example.techempower;

/** TechEmpower's checks on Toasty over Vert.x (a Db built from a vertx:postgresql: URL). */
class ToastyVertxVerifierTest extends VerifierContract {
  @Override
  String prefix() {
    return Implementations.TOASTY_VERTX;
  }

  @Override
  int updatesOfTwenty() {
    return 1;
  }
}
