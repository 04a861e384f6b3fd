package io.toasty.tck.scenarios;

/** Runs {@link TransactionConflictScenarios} on this build's backends. */
class TransactionConflictTest extends TransactionConflictScenarios {}
