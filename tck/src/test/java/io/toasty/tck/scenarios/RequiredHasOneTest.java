package io.toasty.tck.scenarios;

/** Runs {@link RequiredHasOneScenarios} on this build's backends. */
class RequiredHasOneTest extends RequiredHasOneScenarios {}
