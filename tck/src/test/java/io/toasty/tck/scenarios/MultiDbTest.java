package io.toasty.tck.scenarios;

/** Runs {@link MultiDbScenarios} on this build's backends. */
class MultiDbTest extends MultiDbScenarios {}
