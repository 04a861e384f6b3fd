package io.toasty.tck.scenarios;

/** Runs {@link PathQueryScenarios} on this build's backends. */
class PathQueryTest extends PathQueryScenarios {}
