package io.toasty.tck.scenarios;

/** Runs {@link RawQueryScenarios} on this build's backends. */
class RawQueryTest extends RawQueryScenarios {}
