package io.toasty.tck.scenarios;

/** Runs {@link ViaScenarios} on this build's backends. */
class ViaTest extends ViaScenarios {}
