package io.toasty.tck.scenarios;

/** Runs {@link BatchScenarios} on this build's backends. */
class BatchTest extends BatchScenarios {}
