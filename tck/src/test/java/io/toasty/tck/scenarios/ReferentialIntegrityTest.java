package io.toasty.tck.scenarios;

/** Runs {@link ReferentialIntegrityScenarios} on this build's backends. */
class ReferentialIntegrityTest extends ReferentialIntegrityScenarios {}
