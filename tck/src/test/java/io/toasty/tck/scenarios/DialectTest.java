package io.toasty.tck.scenarios;

/** Runs {@link DialectScenarios} on this build's backends. */
class DialectTest extends DialectScenarios {}
