package io.toasty.tck.scenarios;

/** Runs {@link NonBlockingScenarios} on this build's backends. */
class NonBlockingTest extends NonBlockingScenarios {}
