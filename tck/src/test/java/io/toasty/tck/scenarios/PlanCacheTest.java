package io.toasty.tck.scenarios;

/** Runs {@link PlanCacheScenarios} on this build's backends. */
class PlanCacheTest extends PlanCacheScenarios {}
