package io.toasty.tck.scenarios;

/** Runs {@link ManyToManyWriteScenarios} on this build's backends. */
class ManyToManyWriteTest extends ManyToManyWriteScenarios {}
