package io.toasty.tck.scenarios;

/** Runs {@link RowLockScenarios} on this build's backends. */
class RowLockTest extends RowLockScenarios {}
