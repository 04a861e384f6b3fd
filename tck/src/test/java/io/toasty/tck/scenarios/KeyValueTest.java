package io.toasty.tck.scenarios;

/** Runs {@link KeyValueScenarios} on this build's backends. */
class KeyValueTest extends KeyValueScenarios {}
