package io.toasty.tck.scenarios;

/** Runs {@link EmbeddedScenarios} on this build's backends. */
class EmbeddedTest extends EmbeddedScenarios {}
