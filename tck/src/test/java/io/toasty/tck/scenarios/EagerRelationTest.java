package io.toasty.tck.scenarios;

/** Runs {@link EagerRelationScenarios} on this build's backends. */
class EagerRelationTest extends EagerRelationScenarios {}
