package io.toasty.tck.scenarios;

/** Runs {@link RawSqlScenarios} on this build's backends. */
class RawSqlTest extends RawSqlScenarios {}
