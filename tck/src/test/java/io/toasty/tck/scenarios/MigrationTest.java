package io.toasty.tck.scenarios;

/** Runs {@link MigrationScenarios} on this build's backends. */
class MigrationTest extends MigrationScenarios {}
