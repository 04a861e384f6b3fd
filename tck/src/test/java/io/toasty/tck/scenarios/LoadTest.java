package io.toasty.tck.scenarios;

/** Runs {@link LoadScenarios} on this build's backends. */
class LoadTest extends LoadScenarios {}
