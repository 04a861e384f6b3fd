package io.toasty.tck.scenarios;

/** Runs {@link MappingScenarios} on this build's backends. */
class MappingTest extends MappingScenarios {}
