package io.toasty.tck.scenarios;

/** Runs {@link ManyToManyScenarios} on this build's backends. */
class ManyToManyTest extends ManyToManyScenarios {}
