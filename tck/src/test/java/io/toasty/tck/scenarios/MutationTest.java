package io.toasty.tck.scenarios;

/** Runs {@link MutationScenarios} on this build's backends. */
class MutationTest extends MutationScenarios {}
