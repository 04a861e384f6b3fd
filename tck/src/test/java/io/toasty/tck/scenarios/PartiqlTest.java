package io.toasty.tck.scenarios;

/** Runs {@link PartiqlScenarios} on this build's backends. */
class PartiqlTest extends PartiqlScenarios {}
