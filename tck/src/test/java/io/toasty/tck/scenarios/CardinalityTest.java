package io.toasty.tck.scenarios;

/** Runs {@link CardinalityScenarios} on this build's backends. */
class CardinalityTest extends CardinalityScenarios {}
