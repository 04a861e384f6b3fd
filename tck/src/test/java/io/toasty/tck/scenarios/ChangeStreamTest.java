package io.toasty.tck.scenarios;

/** Runs {@link ChangeStreamScenarios} on this build's backends. */
class ChangeStreamTest extends ChangeStreamScenarios {}
