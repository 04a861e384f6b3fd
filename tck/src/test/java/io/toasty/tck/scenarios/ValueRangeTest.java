package io.toasty.tck.scenarios;

/** Runs {@link ValueRangeScenarios} on this build's backends. */
class ValueRangeTest extends ValueRangeScenarios {}
