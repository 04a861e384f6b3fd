package io.toasty.example.techempower;

/** TechEmpower's checks on r2dbc-postgresql by hand on r2dbc-pool. */
class RawR2dbcVerifierTest extends VerifierContract {
  @Override
  String prefix() {
    return Implementations.RAW_R2DBC;
  }

  @Override
  int updatesOfTwenty() {
    return 1;
  }
}
