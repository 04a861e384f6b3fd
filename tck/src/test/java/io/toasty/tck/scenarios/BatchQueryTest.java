package io.toasty.tck.scenarios;

/** Runs {@link BatchQueryScenarios} on this build's backends. */
class BatchQueryTest extends BatchQueryScenarios {}
