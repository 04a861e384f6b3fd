package io.toasty.tck.scenarios;

/** Runs {@link TenancyScenarios} on this build's backends. */
class TenancyTest extends TenancyScenarios {}
