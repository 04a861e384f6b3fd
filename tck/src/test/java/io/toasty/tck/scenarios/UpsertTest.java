package io.toasty.tck.scenarios;

/** Runs {@link UpsertScenarios} on this build's backends. */
class UpsertTest extends UpsertScenarios {}
