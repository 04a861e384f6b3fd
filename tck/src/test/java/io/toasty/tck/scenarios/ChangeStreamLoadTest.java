package io.toasty.tck.scenarios;

/** Runs {@link ChangeStreamLoadScenarios} on this build's backends. */
class ChangeStreamLoadTest extends ChangeStreamLoadScenarios {}
