package io.toasty.tck.scenarios;

/** Runs {@link BelongsToScenarios} on this build's backends. */
class BelongsToTest extends BelongsToScenarios {}
