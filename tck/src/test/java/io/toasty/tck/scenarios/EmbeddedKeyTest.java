package io.toasty.tck.scenarios;

/** Runs {@link EmbeddedKeyScenarios} on this build's backends. */
class EmbeddedKeyTest extends EmbeddedKeyScenarios {}
