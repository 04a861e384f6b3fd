package io.toasty.tck.scenarios;

/** Runs {@link OrderLimitScenarios} on this build's backends. */
class OrderLimitTest extends OrderLimitScenarios {}
