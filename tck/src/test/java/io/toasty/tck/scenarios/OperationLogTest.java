package io.toasty.tck.scenarios;

/** Runs {@link OperationLogScenarios} on this build's backends. */
class OperationLogTest extends OperationLogScenarios {}
