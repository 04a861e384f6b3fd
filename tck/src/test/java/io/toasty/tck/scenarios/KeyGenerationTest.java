package io.toasty.tck.scenarios;

/** Runs {@link KeyGenerationScenarios} on this build's backends. */
class KeyGenerationTest extends KeyGenerationScenarios {}
