package io.toasty.tck.scenarios;

/** Runs {@link BulkStreamScenarios} on this build's backends. */
class BulkStreamTest extends BulkStreamScenarios {}
