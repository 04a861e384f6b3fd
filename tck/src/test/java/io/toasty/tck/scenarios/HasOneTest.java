package io.toasty.tck.scenarios;

/** Runs {@link HasOneScenarios} on this build's backends. */
class HasOneTest extends HasOneScenarios {}
