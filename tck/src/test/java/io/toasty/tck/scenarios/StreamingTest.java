package io.toasty.tck.scenarios;

/** Runs {@link StreamingScenarios} on this build's backends. */
class StreamingTest extends StreamingScenarios {}
