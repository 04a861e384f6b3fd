package io.toasty.tck.scenarios;

/** Runs {@link TransactionScenarios} on this build's backends. */
class TransactionTest extends TransactionScenarios {}
