package io.toasty.tck.scenarios;

/** Runs {@link HealthScenarios} on this build's backends. */
class HealthTest extends HealthScenarios {}
