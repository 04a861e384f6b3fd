package io.toasty.tck.scenarios;

/** Runs {@link PaginationScenarios} on this build's backends. */
class PaginationTest extends PaginationScenarios {}
