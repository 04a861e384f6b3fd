package io.toasty.tck.scenarios;

/** Runs {@link SealedEnumScenarios} on this build's backends. */
class SealedEnumTest extends SealedEnumScenarios {}
