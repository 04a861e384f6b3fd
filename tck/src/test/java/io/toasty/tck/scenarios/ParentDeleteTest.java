package io.toasty.tck.scenarios;

/** Runs {@link ParentDeleteScenarios} on this build's backends. */
class ParentDeleteTest extends ParentDeleteScenarios {}
