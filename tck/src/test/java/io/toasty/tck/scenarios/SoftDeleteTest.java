package io.toasty.tck.scenarios;

/** Runs {@link SoftDeleteScenarios} on this build's backends. */
class SoftDeleteTest extends SoftDeleteScenarios {}
