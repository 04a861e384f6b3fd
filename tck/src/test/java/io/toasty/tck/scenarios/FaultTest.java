package io.toasty.tck.scenarios;

/** Runs {@link FaultScenarios} on this build's backends. */
class FaultTest extends FaultScenarios {}
