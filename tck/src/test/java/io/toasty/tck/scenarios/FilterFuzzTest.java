package io.toasty.tck.scenarios;

/** Runs {@link FilterFuzzScenarios} on this build's backends. */
class FilterFuzzTest extends FilterFuzzScenarios {}
