package io.toasty.tck.scenarios;

/** Runs {@link FinderScenarios} on this build's backends. */
class FinderTest extends FinderScenarios {}
