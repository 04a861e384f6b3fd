package io.toasty.tck.scenarios;

/** Runs {@link AggregateScenarios} on this build's backends. */
class AggregateTest extends AggregateScenarios {}
