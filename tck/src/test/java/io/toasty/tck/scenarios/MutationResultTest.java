package io.toasty.tck.scenarios;

/** Runs {@link MutationResultScenarios} on this build's backends. */
class MutationResultTest extends MutationResultScenarios {}
