package io.toasty.tck.scenarios;

/** Runs {@link IncludeLimitScenarios} on this build's backends. */
class IncludeLimitTest extends IncludeLimitScenarios {}
