package io.toasty.tck.scenarios;

/** Runs {@link TimeoutScenarios} on this build's backends. */
class TimeoutTest extends TimeoutScenarios {}
