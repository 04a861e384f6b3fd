package io.toasty.tck.scenarios;

/** Runs {@link TimestampScenarios} on this build's backends. */
class TimestampTest extends TimestampScenarios {}
